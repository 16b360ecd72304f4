package org.vae4j.preprocess;

import java.io.Serializable;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * What preprocessing needs to know about a table, in a form that merges: per-column counts, sums, sums of
 * squares and ranges of the observed cells, how many are not integers and how many are exactly zero, how often
 * each level of a binary or categorical column occurs, an evenly spaced sample of each numeric column's values
 * (at most {@link #SAMPLE_SIZE}, to fit its modes), whether any cell is missing, and how often each condition
 * level occurs. Summaries of disjoint parts of a data set merged together equal the summary of the whole (up to
 * the rounding of the sums' order, and the sample once the parts hold more values than it), so a data set
 * spread over many machines can be summarised part by part and the parts combined in a tree, and
 * {@link Preprocessor#fit} is the one-part case.
 *
 * <p>Plain arrays only, so it can travel between processes by Java serialization.
 */
public final class TableSummary implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The most values of a numeric column kept to fit its modes. */
    static final int SAMPLE_SIZE = 4096;

    private final long[] counts;
    private final double[] sums;
    private final double[] sumsOfSquares;
    private final double[] minima;
    private final double[] maxima;
    private final long[] nonIntegers;
    private final long[] zeros;
    private final long[][] levelCounts;
    private final float[][] samples;
    private final long[] conditionCounts;
    private long rows;
    private boolean anyMissing;

    /** An empty summary of columns with the given numbers of levels (0 for numeric). */
    private TableSummary(int[] cardinalities, int conditionLevels) {
        int width = cardinalities.length;
        nonIntegers = new long[width];
        zeros = new long[width];
        levelCounts = new long[width][];
        samples = new float[width][];
        for (int c = 0; c < width; c++) {
            levelCounts[c] = new long[cardinalities[c]];
            samples[c] = new float[0];
        }
        counts = new long[width];
        sums = new double[width];
        sumsOfSquares = new double[width];
        minima = new double[width];
        maxima = new double[width];
        Arrays.fill(minima, Double.POSITIVE_INFINITY);
        Arrays.fill(maxima, Double.NEGATIVE_INFINITY);
        conditionCounts = new long[conditionLevels];
    }

    /** The summary of no rows of {@code schema}: the identity of {@link #merge}. */
    public static TableSummary empty(Schema schema) {
        return new TableSummary(schema.features().stream().mapToInt(Column::cardinality).toArray(),
                schema.conditionCardinality());
    }

    /** The summary of the rows of {@code table}. */
    public static TableSummary of(Table table) {
        TableSummary summary = empty(table.schema());
        summary.add(table);
        return summary;
    }

    private void add(Table table) {
        int width = counts.length;
        FloatBuffer values = table.values();
        boolean missingCells = table.hasMissing();
        float[] row = new float[width];
        // Every step-th row goes into the sample, so that it spans the table.
        int step = Math.max(1, (table.rows() + SAMPLE_SIZE - 1) / SAMPLE_SIZE);
        float[][] sampled = new float[width][];
        int[] sampledCount = new int[width];
        for (int c = 0; c < width; c++) {
            sampled[c] = levelCounts[c].length == 0 ? new float[(table.rows() + step - 1) / step] : new float[0];
        }
        for (int r = 0; r < table.rows(); r++) {
            // Row by row in bulk: per-cell reads of a large (possibly direct) buffer are several times slower.
            values.get(r * width, row, 0, width);
            for (int c = 0; c < width; c++) {
                if (missingCells && table.isMissing(r, c)) {
                    anyMissing = true;
                    continue;
                }
                double v = row[c];
                counts[c]++;
                sums[c] += v;
                sumsOfSquares[c] += v * v;
                minima[c] = Math.min(minima[c], v);
                maxima[c] = Math.max(maxima[c], v);
                if (v != Math.rint(v)) {
                    nonIntegers[c]++;
                }
                if (v == 0) {
                    zeros[c]++;
                }
                if (levelCounts[c].length > 0) {
                    levelCounts[c][(int) v]++;
                } else if (r % step == 0) {
                    sampled[c][sampledCount[c]++] = row[c];
                }
            }
            if (conditionCounts.length > 0) {
                conditionCounts[table.condition(r)]++;
            }
        }
        for (int c = 0; c < width; c++) {
            samples[c] = thinned(concat(samples[c], Arrays.copyOf(sampled[c], sampledCount[c])));
        }
        rows += table.rows();
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The values, every other one dropped as often as needed to keep at most {@link #SAMPLE_SIZE}. */
    private static float[] thinned(float[] values) {
        float[] out = values;
        while (out.length > SAMPLE_SIZE) {
            float[] half = new float[(out.length + 1) / 2];
            for (int i = 0; i < half.length; i++) {
                half[i] = out[2 * i];
            }
            out = half;
        }
        return out;
    }

    /**
     * The summary of this summary's rows and {@code other}'s together, as a new summary.
     *
     * @throws IllegalArgumentException if the two summarise tables of different widths or condition levels
     */
    public TableSummary merge(TableSummary other) {
        if (other.counts.length != counts.length || other.conditionCounts.length != conditionCounts.length) {
            throw new IllegalArgumentException("cannot merge the summary of " + counts.length + " columns and "
                    + conditionCounts.length + " condition levels with one of " + other.counts.length
                    + " columns and " + other.conditionCounts.length + " condition levels");
        }
        TableSummary merged = new TableSummary(Arrays.stream(levelCounts).mapToInt(l -> l.length).toArray(),
                conditionCounts.length);
        for (int c = 0; c < counts.length; c++) {
            if (levelCounts[c].length != other.levelCounts[c].length) {
                throw new IllegalArgumentException("cannot merge summaries whose column " + c + " has "
                        + levelCounts[c].length + " and " + other.levelCounts[c].length + " levels");
            }
            merged.nonIntegers[c] = nonIntegers[c] + other.nonIntegers[c];
            merged.zeros[c] = zeros[c] + other.zeros[c];
            for (int k = 0; k < levelCounts[c].length; k++) {
                merged.levelCounts[c][k] = levelCounts[c][k] + other.levelCounts[c][k];
            }
            merged.samples[c] = thinned(concat(samples[c], other.samples[c]));
            merged.counts[c] = counts[c] + other.counts[c];
            merged.sums[c] = sums[c] + other.sums[c];
            merged.sumsOfSquares[c] = sumsOfSquares[c] + other.sumsOfSquares[c];
            merged.minima[c] = Math.min(minima[c], other.minima[c]);
            merged.maxima[c] = Math.max(maxima[c], other.maxima[c]);
        }
        for (int k = 0; k < conditionCounts.length; k++) {
            merged.conditionCounts[k] = conditionCounts[k] + other.conditionCounts[k];
        }
        merged.rows = rows + other.rows;
        merged.anyMissing = anyMissing || other.anyMissing;
        return merged;
    }

    /** Number of rows summarised. */
    public long rows() {
        return rows;
    }

    /** Whether any summarised cell is missing. */
    public boolean hasMissing() {
        return anyMissing;
    }

    /** The smallest observed value of column {@code c} (+infinity when it has none). */
    public double minimum(int c) {
        return minima[c];
    }

    /** The largest observed value of column {@code c} (-infinity when it has none). */
    public double maximum(int c) {
        return maxima[c];
    }

    /** The relative frequency of each condition level among the rows (empty when unconditional). */
    public double[] conditionFrequencies() {
        double[] frequencies = new double[conditionCounts.length];
        for (int k = 0; k < frequencies.length; k++) {
            frequencies[k] = (double) conditionCounts[k] / rows;
        }
        return frequencies;
    }

    /**
     * The preprocessing fitted on the summarised rows, every column's model detected from them.
     *
     * @param schema the schema of the summarised tables
     * @param standardize whether Gaussian numeric columns are standardised (mean 0, unit variance)
     * @throws IllegalArgumentException if no rows were summarised or the schema does not fit the summary
     */
    public Preprocessor preprocessor(Schema schema, NumericLikelihood numericLikelihood, boolean standardize) {
        return preprocessor(schema, numericLikelihood, standardize, ColumnTypes.DETECT);
    }

    /**
     * The preprocessing fitted on the summarised rows: each column's {@link ColumnModel}, its numeric traits as
     * declared in {@code types} or else detected (see {@link NumericColumnFit}). Without standardisation a
     * numeric column keeps its units and gets only the bounds and rounding it declares or shows.
     *
     * @param schema the schema of the summarised tables
     * @param standardize whether Gaussian numeric columns are standardised (mean 0, unit variance)
     * @param types the numeric column types the user declares
     * @throws IllegalArgumentException if no rows were summarised, the schema does not fit the summary, or a
     *     declared type names no numeric column or does not fit its values
     */
    public Preprocessor preprocessor(Schema schema, NumericLikelihood numericLikelihood, boolean standardize,
            ColumnTypes types) {
        if (rows == 0) {
            throw new IllegalArgumentException("cannot fit on empty data: the table has no rows");
        }
        if (schema.width() != counts.length || schema.conditionCardinality() != conditionCounts.length) {
            throw new IllegalArgumentException("the schema " + schema + " is not the one summarised");
        }
        Set<ColumnTypes.Trait>[] declared = types.resolve(schema);
        List<ColumnModel> models = new ArrayList<>(schema.width());
        for (int c = 0; c < schema.width(); c++) {
            Column column = schema.column(c);
            boolean observed = counts[c] > 0;
            if (column.type() != ColumnType.NUMERIC) {
                boolean[] levels = new boolean[levelCounts[c].length];
                for (int k = 0; k < levels.length; k++) {
                    levels[k] = levelCounts[c][k] > 0;
                }
                models.add(new ColumnModel(observed, null, levels));
            } else if (numericLikelihood != NumericLikelihood.GAUSSIAN) {
                models.add(new ColumnModel(observed, null, null));
            } else {
                models.add(new ColumnModel(observed, numericModel(c, column.name(), standardize, declared[c]), null));
            }
        }
        return new Preprocessor(schema, numericLikelihood, models);
    }

    private NumericColumnModel numericModel(int c, String name, boolean standardize, Set<ColumnTypes.Trait> declared) {
        if (counts[c] == 0) {
            return NumericColumnModel.standardised(0, 1);
        }
        double mean = 0;
        double scale = 1;
        if (standardize) {
            mean = sums[c] / counts[c];
            double variance = Math.max(0, sumsOfSquares[c] / counts[c] - mean * mean);
            // A constant column keeps scale 1 rather than dividing by zero.
            scale = variance > 1e-24 ? Math.sqrt(variance) : 1.0;
        }
        NumericColumnFit fit = new NumericColumnFit(name, minima[c], maxima[c], counts[c], zeros[c],
                nonIntegers[c] == 0, samples[c]);
        Set<ColumnTypes.Trait> traits = EnumSet.noneOf(ColumnTypes.Trait.class);
        traits.addAll(declared != null ? declared : fit.detect());
        if (!standardize) {
            // Raw units: only bounds and rounding apply.
            traits.retainAll(EnumSet.of(ColumnTypes.Trait.UNBOUNDED, ColumnTypes.Trait.INTEGER));
        }
        return fit.model(traits, mean, scale);
    }
}
