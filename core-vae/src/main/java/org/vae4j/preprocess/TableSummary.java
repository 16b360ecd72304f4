package org.vae4j.preprocess;

import java.io.Serializable;
import java.nio.FloatBuffer;
import java.util.Arrays;

import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * What preprocessing needs to know about a table, in a form that merges: per-column counts, sums, sums of
 * squares and ranges of the observed cells, whether any cell is missing, and how often each condition level
 * occurs. Summaries of disjoint parts of a data set merged together equal the summary of the whole (up to
 * the rounding of the sums' order), so a data set spread over many machines can be summarised part by part
 * and the parts combined in a tree, and {@link Preprocessor#fit} is the one-part case.
 *
 * <p>Plain arrays only, so it can travel between processes by Java serialization.
 */
public final class TableSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long[] counts;
    private final double[] sums;
    private final double[] sumsOfSquares;
    private final double[] minima;
    private final double[] maxima;
    private final long[] conditionCounts;
    private long rows;
    private boolean anyMissing;

    private TableSummary(int width, int conditionLevels) {
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
        return new TableSummary(schema.width(), schema.conditionCardinality());
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
            }
            if (conditionCounts.length > 0) {
                conditionCounts[table.condition(r)]++;
            }
        }
        rows += table.rows();
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
        TableSummary merged = new TableSummary(counts.length, conditionCounts.length);
        for (int c = 0; c < counts.length; c++) {
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
     * The preprocessing fitted on the summarised rows.
     *
     * @param schema the schema of the summarised tables
     * @param standardize whether Gaussian numeric columns are standardised (mean 0, unit variance)
     * @throws IllegalArgumentException if no rows were summarised or the schema does not fit the summary
     */
    public Preprocessor preprocessor(Schema schema, NumericLikelihood numericLikelihood, boolean standardize) {
        if (rows == 0) {
            throw new IllegalArgumentException("cannot fit on empty data: the table has no rows");
        }
        if (schema.width() != counts.length || schema.conditionCardinality() != conditionCounts.length) {
            throw new IllegalArgumentException("the schema " + schema + " is not the one summarised");
        }
        int width = schema.width();
        double[] means = new double[width];
        double[] scales = new double[width];
        Arrays.fill(scales, 1.0);
        if (standardize && numericLikelihood == NumericLikelihood.GAUSSIAN) {
            for (int c = 0; c < width; c++) {
                if (schema.column(c).type() != ColumnType.NUMERIC || counts[c] == 0) {
                    continue;
                }
                means[c] = sums[c] / counts[c];
                double variance = Math.max(0, sumsOfSquares[c] / counts[c] - means[c] * means[c]);
                // A constant column keeps scale 1 rather than dividing by zero.
                scales[c] = variance > 1e-24 ? Math.sqrt(variance) : 1.0;
            }
        }
        return new Preprocessor(schema, numericLikelihood, means, scales);
    }
}
