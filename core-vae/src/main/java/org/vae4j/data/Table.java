package org.vae4j.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * A dense block of rows following a {@link Schema}: values in row-major {@code float} storage, a
 * missing-value mask, and (for a conditional schema) each row's condition level.
 *
 * <p>Stored values are validated on entry: numeric values must be finite and within float range, binary
 * values 0 or 1 and categorical values a level index; a missing cell is marked in the mask, never encoded as
 * NaN. A table holds at most {@link Integer#MAX_VALUE} cells. Messages count rows from 1. Float
 * storage keeps an image data set (60,000 x 784) at 188 MB rather than twice that; a table built on a
 * direct buffer ({@link #ofNumeric(Schema, ByteBuffer, int[])}) lives outside the Java heap and is shared
 * with the engine during training without any copy.
 */
public final class Table {

    private final Schema schema;
    private final int rows;
    private final FloatBuffer values;
    private final ByteBuffer directBytes;
    private final BitSet missing;
    private final int[] conditions;

    private Table(Schema schema, int rows, float[] values, BitSet missing, int[] conditions) {
        this(schema, rows, FloatBuffer.wrap(values), null, missing, conditions);
    }

    private Table(Schema schema, int rows, FloatBuffer values, ByteBuffer directBytes, BitSet missing,
            int[] conditions) {
        this.schema = schema;
        this.rows = rows;
        this.values = values;
        this.directBytes = directBytes;
        this.missing = missing;
        this.conditions = conditions;
    }

    /** A builder that validates each row as it is added. */
    public static Builder builder(Schema schema) {
        return new Builder(schema, 16);
    }

    /** A builder sized for {@code expectedRows} rows. */
    public static Builder builder(Schema schema, int expectedRows) {
        return new Builder(schema, expectedRows);
    }

    /**
     * Wraps row-major numeric values without copying (all cells present). Used for large numeric tables
     * such as images.
     *
     * @throws IllegalArgumentException if the length is not a multiple of the width, or a value is not finite
     */
    public static Table ofNumeric(Schema schema, float[] rowMajorValues, int[] conditions) {
        return ofNumeric(schema, FloatBuffer.wrap(rowMajorValues), null, conditions);
    }

    /**
     * Wraps row-major float values held in a direct buffer in native byte order, without copying: the
     * values stay off the Java heap and training hands the very same memory to the engine.
     *
     * @throws IllegalArgumentException if the buffer is not direct or not in native order, its size is not
     *     a whole number of rows, or a value is not finite
     */
    public static Table ofNumeric(Schema schema, ByteBuffer directFloats, int[] conditions) {
        if (!directFloats.isDirect() || directFloats.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("the values must be a direct buffer in native byte order");
        }
        ByteBuffer bytes = directFloats.duplicate().order(ByteOrder.nativeOrder());
        bytes.clear();
        return ofNumeric(schema, bytes.asFloatBuffer(), bytes, conditions);
    }

    private static Table ofNumeric(Schema schema, FloatBuffer values, ByteBuffer directBytes, int[] conditions) {
        int width = schema.width();
        int length = values.capacity();
        if (length % width != 0) {
            throw new IllegalArgumentException("wrong width: " + length
                    + " values is not a whole number of rows of " + width + " columns");
        }
        int rows = length / width;
        for (int i = 0; i < length; i++) {
            checkValue(schema.column(i % width), values.get(i), i / width);
        }
        checkConditions(schema, conditions, rows);
        return new Table(schema, rows, values, directBytes, null, conditions);
    }

    /** The schema the rows follow. */
    public Schema schema() {
        return schema;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of feature columns. */
    public int width() {
        return schema.width();
    }

    /** The stored value of a cell (meaningless when the cell is missing). */
    public float value(int row, int column) {
        return values.get(row * schema.width() + column);
    }

    /** Whether a cell is missing. */
    public boolean isMissing(int row, int column) {
        return missing != null && missing.get(row * schema.width() + column);
    }

    /** Whether any cell is missing. */
    public boolean hasMissing() {
        return missing != null && !missing.isEmpty();
    }

    /** The condition level index of a row, or -1 when the schema is unconditional. */
    public int condition(int row) {
        return conditions == null ? -1 : conditions[row];
    }

    /**
     * The stored values themselves, row-major ({@code rows() * width()}), without a copy: a large table is
     * not duplicated on its way to the engine. Read only; missing cells hold 0.
     */
    public FloatBuffer values() {
        return values.asReadOnlyBuffer();
    }

    /** The direct buffer holding the values, when the table was built on one (see {@link #values()}). */
    public java.util.Optional<ByteBuffer> directValues() {
        return java.util.Optional.ofNullable(directBytes).map(ByteBuffer::asReadOnlyBuffer);
    }

    /** A copy of one row's stored values, with {@code Double.NaN} in missing cells. */
    public double[] row(int row) {
        double[] out = new double[schema.width()];
        for (int c = 0; c < out.length; c++) {
            out[c] = isMissing(row, c) ? Double.NaN : value(row, c);
        }
        return out;
    }

    /**
     * A copy of one row's stored values as the decimal numbers they stand for, with {@code Double.NaN} in
     * missing cells. A table holds floats, and the float nearest 69.81 widened to a double is
     * 69.80999755859375, below a training minimum of 69.81; each value here is the shortest decimal that reads
     * back as the stored float (69.81), which is the number itself for data that came as decimals with up to
     * seven significant digits.
     */
    public double[] decimalRow(int row) {
        double[] out = new double[schema.width()];
        for (int c = 0; c < out.length; c++) {
            out[c] = isMissing(row, c) ? Double.NaN : Double.parseDouble(Float.toString(value(row, c)));
        }
        return out;
    }

    /**
     * The number of cells of {@code rows} rows of {@code columns} values.
     *
     * @throws IllegalArgumentException if there are more than one array (and so one table) can hold
     */
    public static int cells(int rows, int columns) {
        long cells = (long) rows * columns;
        if (rows < 0 || columns < 0 || cells > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(rows + " rows x " + columns + " columns are more than the "
                    + Integer.MAX_VALUE + " cells one table can hold");
        }
        return (int) cells;
    }

    /** The rows at the given indices, in that order, as a new table. */
    public Table select(int[] indices) {
        int width = schema.width();
        float[] v = new float[cells(indices.length, width)];
        BitSet m = missing == null ? null : new BitSet();
        int[] cond = conditions == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int src = indices[i];
            Objects.checkIndex(src, rows);
            values.get(src * width, v, i * width, width);
            if (m != null) {
                for (int c = 0; c < width; c++) {
                    if (missing.get(src * width + c)) {
                        m.set(i * width + c);
                    }
                }
            }
            if (cond != null) {
                cond[i] = conditions[src];
            }
        }
        return new Table(schema, indices.length, v, m, cond);
    }

    /** This table's rows with every condition set to {@code level} (for a conditional schema). */
    public Table withCondition(int level) {
        if (!schema.isConditional()) {
            throw new IllegalStateException("the schema has no condition column");
        }
        int[] cond = new int[rows];
        Arrays.fill(cond, level);
        checkConditions(schema, cond, rows);
        return new Table(schema, rows, values, directBytes, missing, cond);
    }

    /** Checks a value of column {@code c} in row {@code row} (counted from 0; messages count from 1). */
    static void checkValue(Column c, double v, int row) {
        switch (c.type()) {
            case NUMERIC -> {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + (row + 1) + ", column '" + c.name()
                            + "': value " + v + " is not finite (mark missing cells as missing instead)");
                }
                if (Math.abs(v) > Float.MAX_VALUE) {
                    throw new IllegalArgumentException("row " + (row + 1) + ", column '" + c.name()
                            + "': value " + v + " exceeds float range (largest magnitude " + Float.MAX_VALUE + ")");
                }
            }
            case BINARY -> {
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("row " + (row + 1) + ", column '" + c.name()
                            + "': binary value must be 0 or 1, got " + v);
                }
            }
            case CATEGORICAL -> {
                if (v != Math.rint(v) || v < 0 || v >= c.cardinality()) {
                    throw new IllegalArgumentException("row " + (row + 1) + ", column '" + c.name()
                            + "': level index " + v + " is not one of 0.." + (c.cardinality() - 1));
                }
            }
        }
    }

    static void checkConditions(Schema schema, int[] conditions, int rows) {
        if (!schema.isConditional()) {
            if (conditions != null) {
                throw new IllegalArgumentException("conditions given but the schema has no condition column");
            }
            return;
        }
        if (conditions == null || conditions.length != rows) {
            throw new IllegalArgumentException("the schema's condition column '"
                    + schema.condition().orElseThrow().name() + "' needs one condition per row");
        }
        int k = schema.conditionCardinality();
        for (int r = 0; r < rows; r++) {
            if (conditions[r] < 0 || conditions[r] >= k) {
                throw new IllegalArgumentException("row " + (r + 1) + ": condition level " + conditions[r]
                        + " of '" + schema.condition().orElseThrow().name() + "' is not one of 0.." + (k - 1));
            }
        }
    }

    /** Collects rows one at a time, validating each. */
    public static final class Builder {
        private final Schema schema;
        private float[] values;
        private int[] conditions;
        private final BitSet missing = new BitSet();
        private int rows;

        private Builder(Schema schema, int expectedRows) {
            this.schema = Objects.requireNonNull(schema, "schema");
            this.values = new float[cells(Math.max(1, expectedRows), schema.width())];
            this.conditions = schema.isConditional() ? new int[Math.max(1, expectedRows)] : null;
        }

        /**
         * Adds a row; {@code Double.NaN} marks a missing cell. Infinite values are rejected.
         *
         * @throws IllegalArgumentException naming the row and column for a wrong width or a bad value
         */
        public Builder addRow(double[] row) {
            return addRow(row, -1);
        }

        /**
         * Adds a row with its condition level; {@code Double.NaN} marks a missing cell.
         *
         * @param condition the condition level index (ignored, and should be -1, for an unconditional schema)
         */
        public Builder addRow(double[] row, int condition) {
            int width = schema.width();
            if (row.length != width) {
                throw new IllegalArgumentException("row " + (rows + 1) + ": wrong width, expected " + width
                        + " columns but got " + row.length);
            }
            if (schema.isConditional()) {
                int k = schema.conditionCardinality();
                if (condition < 0 || condition >= k) {
                    throw new IllegalArgumentException("row " + (rows + 1) + ": condition level " + condition + " of '"
                            + schema.condition().orElseThrow().name() + "' is not one of 0.." + (k - 1));
                }
            }
            ensureCapacity(rows + 1);
            int base = rows * width;
            for (int c = 0; c < width; c++) {
                double v = row[c];
                if (Double.isNaN(v)) {
                    missing.set(base + c);
                    values[base + c] = 0f;
                } else {
                    checkValue(schema.column(c), v, rows);
                    values[base + c] = (float) v;
                }
            }
            if (conditions != null) {
                conditions[rows] = condition;
            }
            rows++;
            return this;
        }

        private void ensureCapacity(int neededRows) {
            int width = schema.width();
            if (cells(neededRows, width) > values.length) {
                long doubled = 2L * (values.length / width);
                int capacity = (int) Math.max(neededRows, Math.min(doubled, Integer.MAX_VALUE / width));
                values = Arrays.copyOf(values, cells(capacity, width));
                if (conditions != null) {
                    conditions = Arrays.copyOf(conditions, capacity);
                }
            }
        }

        /** The table of the rows added so far (possibly empty). */
        public Table build() {
            float[] v = Arrays.copyOf(values, rows * schema.width());
            int[] cond = conditions == null ? null : Arrays.copyOf(conditions, rows);
            return new Table(schema, rows, v, missing.isEmpty() ? null : (BitSet) missing.clone(), cond);
        }
    }
}
