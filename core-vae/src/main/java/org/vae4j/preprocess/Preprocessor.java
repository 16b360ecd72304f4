package org.vae4j.preprocess;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * numeric columns are encoded by their {@link NumericColumnModel} (Gaussian: standardised, possibly on log
 * scale or in one of several modes) or checked to lie in [0, 1] (Bernoulli, continuous Bernoulli), categorical
 * columns become one-hot blocks, and missing cells get a zero value and a zero mask so that the
 * likelihood skips them. {@link #decode} maps decoder outputs back to the user's units and levels, and only to
 * values the training data could have: within a bounded column's range, integers in an integer column, levels
 * that occur, and missing in a column that training never observed (see {@link ColumnModel}).
 */
public final class Preprocessor {

    private final Schema schema;
    private final NumericLikelihood numericLikelihood;
    private final EncodedLayout layout;
    private final ColumnModel[] models;
    /** Every column numeric and Bernoulli: encoding is the identity (see {@link #encode}). */
    private final boolean identity;
    /**
     * The last table schema found equal to the fitted one. Weka's and Tribuo's one-row calls build every
     * table on the same schema instance; remembering it spares the column-by-column comparison, which
     * for a 784-column image row was most of the cost of a one-row encode. A stale or racing value only
     * means one more full comparison.
     */
    private volatile Schema lastMatchingSchema;

    /**
     * Rebuilds the preprocessing of a model file written before column models: every Gaussian numeric column
     * standardised with its mean and scale, and no constraint on decoded values.
     */
    public Preprocessor(Schema schema, NumericLikelihood numericLikelihood, double[] means, double[] scales) {
        this(schema, numericLikelihood, unconstrained(schema, numericLikelihood, means, scales));
    }

    /**
     * Rebuilds a fitted preprocessor from its column models (used when loading a model file).
     *
     * @throws IllegalArgumentException naming the column whose model does not fit it
     */
    public Preprocessor(Schema schema, NumericLikelihood numericLikelihood, List<ColumnModel> columnModels) {
        this.schema = schema;
        this.numericLikelihood = numericLikelihood;
        if (columnModels.size() != schema.width()) {
            throw new IllegalArgumentException("preprocessing needs one column model per column, got "
                    + columnModels.size() + " for " + schema.width() + " columns");
        }
        this.models = columnModels.toArray(new ColumnModel[0]);
        int[] modeCounts = new int[models.length];
        for (int c = 0; c < models.length; c++) {
            models[c].check(schema.column(c), isGaussian(schema.column(c), numericLikelihood));
            modeCounts[c] = models[c].numeric() == null ? 1 : models[c].numeric().modeCount();
        }
        this.layout = new EncodedLayout(schema, numericLikelihood, modeCounts);
        this.identity = numericLikelihood.needsUnitInterval()
                && schema.features().stream().allMatch(c -> c.type() == ColumnType.NUMERIC);
    }

    private static boolean isGaussian(Column column, NumericLikelihood numericLikelihood) {
        return column.type() == ColumnType.NUMERIC && numericLikelihood == NumericLikelihood.GAUSSIAN;
    }

    private static List<ColumnModel> unconstrained(Schema schema, NumericLikelihood numericLikelihood, double[] means,
            double[] scales) {
        if (means.length != schema.width() || scales.length != schema.width()) {
            throw new IllegalArgumentException("preprocessing needs one mean and scale per column");
        }
        List<ColumnModel> models = new ArrayList<>(means.length);
        for (int c = 0; c < means.length; c++) {
            if (!Double.isFinite(means[c]) || !(scales[c] > 0 && scales[c] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("column '" + schema.column(c).name() + "': preprocessing mean "
                        + means[c] + " and scale " + scales[c] + " must be finite, the scale positive");
            }
            Column column = schema.column(c);
            models.add(ColumnModel.unconstrained(column, isGaussian(column, numericLikelihood)
                    ? NumericColumnModel.standardised(means[c], scales[c]) : null));
        }
        return models;
    }

    /**
     * Fits the preprocessing on training rows (the summary of one table; see {@link TableSummary} for data
     * summarised in parts).
     *
     * @param standardize whether Gaussian numeric columns are standardised (mean 0, unit variance)
     * @throws IllegalArgumentException if the table is empty, or a Bernoulli numeric value is outside [0, 1]
     */
    public static Preprocessor fit(Table table, NumericLikelihood numericLikelihood, boolean standardize) {
        return fit(table, numericLikelihood, standardize, ColumnTypes.DETECT);
    }

    /**
     * Fits the preprocessing on training rows, with the numeric column types the user declares (the others
     * detected, see {@link TableSummary#preprocessor(Schema, NumericLikelihood, boolean, ColumnTypes)}).
     *
     * @throws IllegalArgumentException if the table is empty, or a declared type names no numeric column or
     *     does not fit its values
     */
    public static Preprocessor fit(Table table, NumericLikelihood numericLikelihood, boolean standardize,
            ColumnTypes types) {
        return TableSummary.of(table).preprocessor(table.schema(), numericLikelihood, standardize, types);
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

    /** Each column's model: what encoding and decoding need beyond the schema. */
    public List<ColumnModel> columnModels() {
        return List.of(models);
    }

    /**
     * Per-column means subtracted before modelling: of the first mode, on the modelled scale, for a Gaussian
     * numeric column (its training mean for a plainly standardised one); 0 for other columns.
     */
    public double[] means() {
        double[] means = new double[models.length];
        for (int c = 0; c < means.length; c++) {
            means[c] = models[c].numeric() == null ? 0 : models[c].numeric().means()[0];
        }
        return means;
    }

    /** Per-column scales divided by before modelling: as {@link #means()}, 1 for other columns. */
    public double[] scales() {
        double[] scales = new double[models.length];
        for (int c = 0; c < scales.length; c++) {
            scales[c] = models[c].numeric() == null ? 1 : models[c].numeric().scales()[0];
        }
        return scales;
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
                EncodedLayout.Slot modeSlot = layout.modeSlot(c);
                if (mask != null && !missing) {
                    Arrays.fill(mask, base + slot.offset(), base + slot.offset() + slot.width(), 1f);
                    if (modeSlot != null) {
                        Arrays.fill(mask, base + modeSlot.offset(), base + modeSlot.offset() + modeSlot.width(), 1f);
                    }
                }
                if (missing) {
                    continue;
                }
                float v = table.value(r, c);
                switch (slot.kind()) {
                    case GAUSSIAN -> {
                        NumericColumnModel model = models[c].numeric();
                        int mode;
                        try {
                            mode = model.mode(v);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("row " + (r + 1) + ", column '"
                                    + schema.column(c).name() + "': " + e.getMessage(), e);
                        }
                        values[base + slot.offset()] = (float) model.offset(v, mode);
                        if (modeSlot != null) {
                            values[base + modeSlot.offset() + mode] = 1f;
                        }
                    }
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
     * log |d encoded / d original| of each row: over its observed Gaussian columns, minus the log scale of the
     * value's mode and, on log scale, minus the log of the value (a zero spike, a point mass, adds nothing).
     * Adding it to a log-density of encoded rows gives the log-density in the user's units, so
     * log-likelihoods do not depend on the standardisation.
     */
    public double[] logJacobian(Table table) {
        double[] out = new double[table.rows()];
        for (int c = 0; c < schema.width(); c++) {
            NumericColumnModel model = models[c].numeric();
            if (model == null) {
                continue;
            }
            for (int r = 0; r < out.length; r++) {
                if (!table.isMissing(r, c)) {
                    float v = table.value(r, c);
                    out[r] += model.logJacobian(v, model.mode(v));
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
                ColumnModel model = models[c];
                double value = switch (slot.kind()) {
                    case GAUSSIAN -> {
                        // The most likely mode, as TVAE decodes it: the variation comes from the code and the
                        // offset; a mode drawn at random would pair one mode with another's offset.
                        EncodedLayout.Slot modeSlot = layout.modeSlot(c);
                        int mode = modeSlot == null ? 0
                                : categoricalValue(output, base + modeSlot.offset(), modeSlot.width(), null, null);
                        double offset = output[base + slot.offset()];
                        if (sampleRandom != null) {
                            offset += gaussianStd[slot.offset()] * sampleRandom.nextGaussian();
                        }
                        yield model.numeric().value(mode, offset);
                    }
                    case BERNOULLI -> {
                        double p = 1.0 / (1.0 + StrictMath.exp(-output[base + slot.offset()]));
                        // A numeric column in [0, 1] (a grey level) is the Bernoulli mean itself;
                        // a binary column is drawn, or rounded to its most likely value.
                        if (column.type() == ColumnType.NUMERIC) {
                            yield p;
                        }
                        int level = sampleRandom == null ? (p > 0.5 ? 1 : 0) : (sampleRandom.nextDouble() < p ? 1 : 0);
                        // A level that no training row has is never generated.
                        yield model.levels()[level] ? level : 1 - level;
                    }
                    case CONTINUOUS_BERNOULLI -> continuousBernoulliMean(output[base + slot.offset()]);
                    case CATEGORICAL -> categoricalValue(output, base + slot.offset(), slot.width(), sampleRandom,
                            model.levels());
                };
                // A column that training never observed is generated missing.
                row[c] = model.observed() ? value : Double.NaN;
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

    /**
     * The most likely level of a one-hot block, or one drawn from its softmax, among the allowed levels.
     *
     * @param allowed which levels may be returned, or null for all
     */
    private static int categoricalValue(float[] logits, int offset, int width, Random sampleRandom, boolean[] allowed) {
        double max = Double.NEGATIVE_INFINITY;
        int argMax = -1;
        for (int j = 0; j < width; j++) {
            if ((allowed == null || allowed[j]) && (argMax < 0 || logits[offset + j] > max)) {
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
            weights[j] = allowed == null || allowed[j] ? StrictMath.exp(logits[offset + j] - max) : 0;
            total += weights[j];
        }
        double u = sampleRandom.nextDouble() * total;
        for (int j = 0; j < width; j++) {
            u -= weights[j];
            if (u <= 0 && weights[j] > 0) {
                return j;
            }
        }
        return argMax;
    }
}
