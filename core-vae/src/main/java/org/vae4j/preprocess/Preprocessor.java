package org.vae4j.preprocess;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.engine.NativeKernels;

/**
 * The fitted, invertible map between a user's {@link Table} and the encoded vectors the networks see:
 * numeric columns are standardised (Gaussian) or checked to lie in [0, 1] (Bernoulli, continuous
 * Bernoulli), categorical
 * columns become one-hot blocks, and missing cells get a zero value and a zero mask so that the
 * likelihood skips them. {@link #decode} maps decoder outputs back to the user's units and levels.
 */
public final class Preprocessor {

    private final Schema schema;
    private final NumericLikelihood numericLikelihood;
    private final EncodedLayout layout;
    private final double[] means;
    private final double[] scales;
    /** Every column numeric and Bernoulli: encoding is the identity (see {@link #encode}). */
    private final boolean identity;
    /**
     * The last table schema found equal to the fitted one. Weka's and Tribuo's one-row calls build every
     * table on the same schema instance; remembering it spares the column-by-column comparison, which
     * for a 784-column image row was most of the cost of a one-row encode. A stale or racing value only
     * means one more full comparison.
     */
    private volatile Schema lastMatchingSchema;

    /** Rebuilds a fitted preprocessor from its parameters (used when loading a model file). */
    public Preprocessor(Schema schema, NumericLikelihood numericLikelihood, double[] means, double[] scales) {
        this.schema = schema;
        this.numericLikelihood = numericLikelihood;
        this.layout = new EncodedLayout(schema, numericLikelihood);
        if (means.length != schema.width() || scales.length != schema.width()) {
            throw new IllegalArgumentException("preprocessing needs one mean and scale per column");
        }
        for (int c = 0; c < means.length; c++) {
            if (!Double.isFinite(means[c]) || !(scales[c] > 0 && scales[c] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("column '" + schema.column(c).name() + "': preprocessing mean "
                        + means[c] + " and scale " + scales[c] + " must be finite, the scale positive");
            }
        }
        this.means = means.clone();
        this.scales = scales.clone();
        this.identity = numericLikelihood.needsUnitInterval()
                && schema.features().stream().allMatch(c -> c.type() == ColumnType.NUMERIC);
    }

    /**
     * Fits the preprocessing on training rows (the summary of one table; see {@link TableSummary} for data
     * summarised in parts).
     *
     * @param standardize whether Gaussian numeric columns are standardised (mean 0, unit variance)
     * @throws IllegalArgumentException if the table is empty, or a Bernoulli numeric value is outside [0, 1]
     */
    public static Preprocessor fit(Table table, NumericLikelihood numericLikelihood, boolean standardize) {
        return TableSummary.of(table).preprocessor(table.schema(), numericLikelihood, standardize);
    }

    /** The schema this preprocessing was fitted on. */
    public Schema schema() {
        return schema;
    }

    /** How numeric columns are modelled. */
    public NumericLikelihood numericLikelihood() {
        return numericLikelihood;
    }

    /** Where each column lives in the encoded vector. */
    public EncodedLayout layout() {
        return layout;
    }

    /** Per-column means subtracted before modelling (0 for non-standardised columns). */
    public double[] means() {
        return means.clone();
    }

    /** Per-column scales divided by before modelling (1 for non-standardised columns). */
    public double[] scales() {
        return scales.clone();
    }

    /**
     * Encodes rows for the networks.
     *
     * @throws IllegalArgumentException if the table's columns or condition differ from the fitted ones, or a
     *     Bernoulli numeric value lies outside [0, 1]
     */
    public EncodedRows encode(Table table) {
        checkSchema(table.schema());
        int rows = table.rows();
        int width = layout.width();
        int k = schema.conditionCardinality();
        float[] conditions = k > 0 ? oneHot(conditionsOf(table), k) : null;
        if (identity && !table.hasMissing()) {
            // The encoded row is the stored row, so a large image table need not be copied.
            checkUnitInterval(table);
            return new EncodedRows(rows, width, table.values(), table.directValues().orElse(null), null, conditions, k);
        }
        float[] values = new float[Table.cells(rows, width)];
        float[] mask = table.hasMissing() ? new float[values.length] : null;
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int c = 0; c < schema.width(); c++) {
                EncodedLayout.Slot slot = layout.slot(c);
                boolean missing = table.isMissing(r, c);
                if (mask != null && !missing) {
                    Arrays.fill(mask, base + slot.offset(), base + slot.offset() + slot.width(), 1f);
                }
                if (missing) {
                    continue;
                }
                float v = table.value(r, c);
                switch (slot.kind()) {
                    case GAUSSIAN -> values[base + slot.offset()] = (float) ((v - means[c]) / scales[c]);
                    case BERNOULLI, CONTINUOUS_BERNOULLI -> {
                        if (v < 0 || v > 1) {
                            throw outsideUnitInterval(r, c, v);
                        }
                        values[base + slot.offset()] = v;
                    }
                    case CATEGORICAL -> values[base + slot.offset() + (int) v] = 1f;
                }
            }
        }
        return new EncodedRows(rows, width, FloatBuffer.wrap(values), null, mask, conditions, k);
    }

    private void checkSchema(Schema given) {
        if (given == lastMatchingSchema) {
            return;
        }
        if (!given.features().equals(schema.features())) {
            throw new IllegalArgumentException("the data's columns " + given.features()
                    + " differ from the model's " + schema.features());
        }
        Optional<Column> condition = schema.condition();
        Optional<Column> givenCondition = given.condition();
        if (condition.isPresent() && givenCondition.isEmpty()) {
            throw new IllegalArgumentException("the model is conditional on '" + condition.get().name()
                    + "' but the data has no condition column");
        }
        if (condition.isEmpty() && givenCondition.isPresent()) {
            throw new IllegalArgumentException("the data has a condition column '" + givenCondition.get().name()
                    + "' but the model is unconditional");
        }
        if (!condition.equals(givenCondition)) {
            throw new IllegalArgumentException("the data's condition column " + givenCondition.get()
                    + " differs from the model's " + condition.get());
        }
        lastMatchingSchema = given;
    }

    private void checkUnitInterval(Table table) {
        FloatBuffer values = table.values();
        Optional<ByteBuffer> direct = table.directValues();
        if (direct.isPresent() && NativeKernels.available()) {
            // One vectorised native pass: an image table has millions of values.
            long index = NativeKernels.firstOutside(direct.get(), values.capacity(), 0f, 1f);
            if (index >= 0) {
                throw outsideUnitInterval((int) index, values.get((int) index));
            }
            return;
        }
        // Bulk copies in chunks: per-element reads of a direct buffer are several times slower than a loop
        // over an array.
        float[] chunk = new float[Math.min(values.capacity(), 1 << 16)];
        for (int start = 0; start < values.capacity(); start += chunk.length) {
            int length = Math.min(chunk.length, values.capacity() - start);
            values.get(start, chunk, 0, length);
            for (int i = 0; i < length; i++) {
                float v = chunk[i];
                if (v < 0 || v > 1) {
                    throw outsideUnitInterval(start + i, v);
                }
            }
        }
    }

    private IllegalArgumentException outsideUnitInterval(int index, float value) {
        return outsideUnitInterval(index / schema.width(), index % schema.width(), value);
    }

    private IllegalArgumentException outsideUnitInterval(int row, int column, float value) {
        String likelihood = layout.slot(column).kind() == EncodedLayout.Kind.CONTINUOUS_BERNOULLI
                ? "continuous Bernoulli" : "Bernoulli";
        return new IllegalArgumentException("row " + (row + 1) + ", column '" + schema.column(column).name()
                + "': value " + value + " is outside [0, 1], which a " + likelihood + " likelihood needs");
    }

    /**
     * log |d encoded / d original| of each row: minus the sum of log scales over its observed Gaussian
     * columns. Adding it to a log-density of encoded rows gives the log-density in the user's units, so
     * log-likelihoods do not depend on the standardisation.
     */
    public double[] logJacobian(Table table) {
        double[] out = new double[table.rows()];
        for (int c = 0; c < schema.width(); c++) {
            if (layout.slot(c).kind() != EncodedLayout.Kind.GAUSSIAN || scales[c] == 1.0) {
                continue;
            }
            double logScale = Math.log(scales[c]);
            for (int r = 0; r < out.length; r++) {
                if (!table.isMissing(r, c)) {
                    out[r] -= logScale;
                }
            }
        }
        return out;
    }

    /** One-hot rows ({@code levels.length * k}) for condition level indices. */
    public static float[] oneHot(int[] levels, int k) {
        float[] out = new float[levels.length * k];
        for (int r = 0; r < levels.length; r++) {
            if (levels[r] < 0 || levels[r] >= k) {
                throw new IllegalArgumentException("condition level " + levels[r] + " is not one of 0.." + (k - 1));
            }
            out[r * k + levels[r]] = 1f;
        }
        return out;
    }

    private static int[] conditionsOf(Table table) {
        int[] out = new int[table.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = table.condition(r);
        }
        return out;
    }

    /**
     * Maps decoder outputs back to rows in the user's units and levels.
     *
     * @param output decoder outputs, row-major ({@code rows * layout().width()}): Gaussian means,
     *     Bernoulli logits and categorical logits in layout order
     * @param gaussianStd the learned standard deviation of each Gaussian position (encoded units)
     * @param conditions each row's condition level, or null for an unconditional model
     * @param rowRandom null to return the most likely value of each cell (mean, p > 0.5, arg-max);
     *     otherwise the generator of each row (by its index in {@code output}) for sampling its Gaussian,
     *     binary and categorical cells from their distributions (numeric columns in [0, 1] always get
     *     their mean: the Bernoulli probability, or the continuous Bernoulli's mean, which is not its
     *     parameter)
     */
    public Table decode(float[] output, int rows, float[] gaussianStd, int[] conditions, IntFunction<Random> rowRandom) {
        int width = layout.width();
        Table.Builder builder = Table.builder(schema, rows);
        double[] row = new double[schema.width()];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            Random sampleRandom = rowRandom == null ? null : rowRandom.apply(r);
            for (int c = 0; c < schema.width(); c++) {
                EncodedLayout.Slot slot = layout.slot(c);
                Column column = schema.column(c);
                row[c] = switch (slot.kind()) {
                    case GAUSSIAN -> {
                        double mu = output[base + slot.offset()];
                        if (sampleRandom != null) {
                            mu += gaussianStd[slot.offset()] * sampleRandom.nextGaussian();
                        }
                        yield mu * scales[c] + means[c];
                    }
                    case BERNOULLI -> {
                        double p = 1.0 / (1.0 + StrictMath.exp(-output[base + slot.offset()]));
                        // A numeric column in [0, 1] (a grey level) is the Bernoulli mean itself;
                        // a binary column is drawn, or rounded to its most likely value.
                        if (column.type() == ColumnType.NUMERIC) {
                            yield p;
                        }
                        yield sampleRandom == null ? (p > 0.5 ? 1.0 : 0.0) : (sampleRandom.nextDouble() < p ? 1.0 : 0.0);
                    }
                    case CONTINUOUS_BERNOULLI -> continuousBernoulliMean(output[base + slot.offset()]);
                    case CATEGORICAL -> categoricalValue(output, base + slot.offset(), slot.width(), sampleRandom);
                };
            }
            builder.addRow(row, conditions == null ? -1 : conditions[r]);
        }
        return builder.build();
    }

    /**
     * The mean of the continuous Bernoulli with logit l: sigmoid(l) / tanh(l / 2) - 1 / l, and 1/2 + l / 12
     * near l = 0 (its expansion; the exact form divides 0 by 0 there). It is not the parameter
     * lambda = sigmoid(l): the mean stays further from 0 and 1.
     */
    static double continuousBernoulliMean(double logit) {
        if (Math.abs(logit) < 1e-3) {
            return 0.5 + logit / 12;
        }
        double lambda = 1 / (1 + StrictMath.exp(-logit));
        return lambda / StrictMath.tanh(logit / 2) - 1 / logit;
    }

    private static int categoricalValue(float[] logits, int offset, int width, Random sampleRandom) {
        double max = Double.NEGATIVE_INFINITY;
        int argMax = 0;
        for (int j = 0; j < width; j++) {
            if (logits[offset + j] > max) {
                max = logits[offset + j];
                argMax = j;
            }
        }
        if (sampleRandom == null) {
            return argMax;
        }
        double total = 0;
        double[] weights = new double[width];
        for (int j = 0; j < width; j++) {
            weights[j] = StrictMath.exp(logits[offset + j] - max);
            total += weights[j];
        }
        double u = sampleRandom.nextDouble() * total;
        for (int j = 0; j < width; j++) {
            u -= weights[j];
            if (u <= 0) {
                return j;
            }
        }
        return width - 1;
    }
}
