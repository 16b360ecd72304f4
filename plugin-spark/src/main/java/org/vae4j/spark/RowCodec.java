package org.vae4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * How the rows of a DataFrame become a core {@link Table} and generated tables become rows: which DataFrame
 * columns feed which modelled column (several numeric, boolean or string columns, or the elements of one
 * vector column), the level names of categorical columns, and the condition column. It travels to the
 * executors with the work (plain serializable fields; the core {@link Schema} is rebuilt from them there).
 *
 * <p>Nulls and NaN in numeric columns are missing cells. Errors name the column, and the row by its
 * partition and its position there (Spark rows have no global number).
 */
final class RowCodec implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What kind of DataFrame value feeds a modelled column. */
    private enum Source { NUMBER, BOOLEAN, STRING }

    private final String[] featureNames;
    private final ColumnType[] types;
    private final String[][] levels;
    private final String conditionName;
    private final String[] conditionLevels;
    /** The vector column feeding every modelled column, or null. */
    private final String vectorColumn;
    /** The DataFrame column feeding each modelled column (vector mode: unused). */
    private final String[] sourceColumns;
    private final Source[] sources;
    /** The DataFrame column holding the condition (its name may differ from the model's), or null. */
    private final String conditionSource;
    private transient Schema schema;

    private RowCodec(Schema schema, String vectorColumn, String[] sourceColumns, Source[] sources,
            String conditionSource) {
        int width = schema.width();
        featureNames = new String[width];
        types = new ColumnType[width];
        levels = new String[width][];
        for (int c = 0; c < width; c++) {
            Column column = schema.column(c);
            featureNames[c] = column.name();
            types[c] = column.type();
            levels[c] = column.levels().toArray(new String[0]);
        }
        conditionName = schema.condition().map(Column::name).orElse(null);
        conditionLevels = schema.condition().map(c -> c.levels().toArray(new String[0])).orElse(null);
        this.vectorColumn = vectorColumn;
        this.sourceColumns = sourceColumns;
        this.sources = sources;
        this.conditionSource = conditionSource;
        this.schema = schema;
    }

    /**
     * Checks that the columns the Params name exist in {@code data} with types vae4j takes.
     *
     * @throws IllegalArgumentException naming the missing or ill-typed column, or when neither or both of
     *     input columns and a vector column are given
     */
    static void validate(StructType data, List<String> inputCols, String featuresCol, String conditionCol) {
        boolean vector = !featuresCol.isEmpty();
        if (vector == !inputCols.isEmpty()) {
            throw new IllegalArgumentException("set either inputCols or featuresCol (a vector column), not "
                    + (vector ? "both" : "neither"));
        }
        if (vector) {
            DataType type = field(data, featuresCol, "featuresCol").dataType();
            if (!type.equals(SQLDataTypes.VectorType())) {
                throw new IllegalArgumentException("featuresCol '" + featuresCol + "' has type " + type.simpleString()
                        + ", not a vector");
            }
        }
        for (String name : inputCols) {
            sourceOf(field(data, name, "inputCols"));
        }
        if (!conditionCol.isEmpty()) {
            DataType type = field(data, conditionCol, "conditionCol").dataType();
            if (!(type instanceof StringType) && !isIntegral(type)) {
                throw new IllegalArgumentException("conditionCol '" + conditionCol + "' has type " + type.simpleString()
                        + "; a condition column must be string or integer");
            }
            if (inputCols.contains(conditionCol)) {
                throw new IllegalArgumentException("column '" + conditionCol + "' is both an input and the condition");
            }
        }
    }

    private static StructField field(StructType data, String name, String param) {
        if (!Arrays.asList(data.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(param + ": column '" + name + "' is not in the data (columns: "
                    + String.join(", ", data.fieldNames()) + ")");
        }
        return data.apply(name);
    }

    private static Source sourceOf(StructField field) {
        DataType type = field.dataType();
        if (type instanceof NumericType) {
            return Source.NUMBER;
        }
        if (type instanceof BooleanType) {
            return Source.BOOLEAN;
        }
        if (type instanceof StringType) {
            return Source.STRING;
        }
        throw new IllegalArgumentException("inputCols: column '" + field.name() + "' has type " + type.simpleString()
                + "; vae4j takes numeric, boolean or string columns (or one vector column as featuresCol)");
    }

    private static boolean isIntegral(DataType type) {
        return type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
                || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType);
    }

    /**
     * The codec of training data: numeric columns stay numeric, booleans become binary, strings categorical
     * with the given levels; a vector column of {@code vectorWidth} elements becomes numeric columns
     * {@code <name>_0, <name>_1, ...}.
     *
     * @param levels the levels of each string input column and of the condition column, in index order
     */
    static RowCodec forTraining(StructType data, List<String> inputCols, String featuresCol, String conditionCol,
            Map<String, List<String>> levels, int vectorWidth) {
        validate(data, inputCols, featuresCol, conditionCol);
        List<Column> columns = new ArrayList<>();
        Source[] sources = new Source[inputCols.size()];
        if (!featuresCol.isEmpty()) {
            for (int i = 0; i < vectorWidth; i++) {
                columns.add(Column.numeric(featuresCol + "_" + i));
            }
        }
        for (int i = 0; i < inputCols.size(); i++) {
            String name = inputCols.get(i);
            sources[i] = sourceOf(data.apply(name));
            columns.add(switch (sources[i]) {
                case NUMBER -> Column.numeric(name);
                case BOOLEAN -> Column.binary(name, "false", "true");
                case STRING -> Column.categorical(name, levels.get(name));
            });
        }
        Column condition = conditionCol.isEmpty() ? null : Column.categorical(conditionCol, levels.get(conditionCol));
        Schema schema = new Schema(columns, condition);
        return new RowCodec(schema, featuresCol.isEmpty() ? null : featuresCol, inputCols.toArray(new String[0]),
                sources, condition == null ? null : conditionCol);
    }

    /**
     * The codec that feeds a trained model's columns from {@code data}: from a vector column, else from the
     * named input columns (by default the model's own column names); the condition from
     * {@code conditionCol} (by default the model's condition column).
     *
     * @throws IllegalArgumentException naming a missing or ill-typed column, or a column count that differs
     *     from the model's
     */
    static RowCodec forModel(Schema model, StructType data, List<String> inputCols, String featuresCol,
            String conditionCol) {
        List<String> inputs = featuresCol.isEmpty() && inputCols.isEmpty()
                ? model.features().stream().map(Column::name).toList()
                : inputCols;
        String condition = conditionCol.isEmpty() ? model.condition().map(Column::name).orElse("") : conditionCol;
        if (model.isConditional() && condition.isEmpty()) {
            throw new IllegalArgumentException("the model is conditional: set conditionCol");
        }
        if (!model.isConditional() && !condition.isEmpty()) {
            throw new IllegalArgumentException("conditionCol '" + condition + "' is set but the model is unconditional");
        }
        validate(data, inputs, featuresCol, condition);
        if (featuresCol.isEmpty() && inputs.size() != model.width()) {
            throw new IllegalArgumentException("inputCols names " + inputs.size() + " columns but the model takes "
                    + model.width());
        }
        Source[] sources = new Source[inputs.size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = sourceOf(data.apply(inputs.get(i)));
            ColumnType expected = model.column(i).type();
            boolean fits = switch (sources[i]) {
                case NUMBER -> expected != ColumnType.CATEGORICAL;
                case BOOLEAN -> expected == ColumnType.BINARY;
                case STRING -> !model.column(i).levels().isEmpty();
            };
            if (!fits) {
                throw new IllegalArgumentException("inputCols: column '" + inputs.get(i) + "' of type "
                        + data.apply(inputs.get(i)).dataType().simpleString() + " cannot feed the model's "
                        + expected.name().toLowerCase() + " column '" + model.column(i).name() + "'");
            }
        }
        return new RowCodec(model, featuresCol.isEmpty() ? null : featuresCol, inputs.toArray(new String[0]),
                sources, condition.isEmpty() ? null : condition);
    }

    /** The codec of a model's generated rows (it reads no input). */
    static RowCodec forOutput(Schema model) {
        return new RowCodec(model, null, new String[0], new Source[0], null);
    }

    /** The core schema of the modelled columns. */
    Schema schema() {
        if (schema == null) {
            List<Column> columns = new ArrayList<>(featureNames.length);
            for (int c = 0; c < featureNames.length; c++) {
                columns.add(new Column(featureNames[c], types[c], List.of(levels[c])));
            }
            schema = new Schema(columns, conditionName == null ? null
                    : Column.categorical(conditionName, List.of(conditionLevels)));
        }
        return schema;
    }

    /**
     * The rows as a table, with each field looked up in {@code data}'s columns.
     *
     * @param partition the partition the rows come from, and {@code firstRow} the position (from 0) of the
     *     first of them in it, for error messages
     * @throws IllegalArgumentException naming the column and row of a value the model cannot take
     */
    Table toTable(List<Row> rows, StructType data, int partition, long firstRow) {
        Schema target = schema();
        int width = target.width();
        int vectorIndex = vectorColumn == null ? -1 : data.fieldIndex(vectorColumn);
        int[] indices = new int[sourceColumns.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = data.fieldIndex(sourceColumns[i]);
        }
        int conditionIndex = conditionSource == null ? -1 : data.fieldIndex(conditionSource);
        Table.Builder builder = Table.builder(target, rows.size());
        double[] values = new double[width];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            try {
                if (vectorIndex >= 0) {
                    readVector(row, vectorIndex, values);
                } else {
                    for (int c = 0; c < indices.length; c++) {
                        values[c] = read(row, indices[c], c);
                    }
                }
                builder.addRow(values, conditionIndex < 0 ? -1 : level(row, conditionIndex));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("partition " + partition + ", row " + (firstRow + r + 1)
                        + " of the partition: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private void readVector(Row row, int index, double[] values) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("column '" + vectorColumn + "' is null");
        }
        Vector vector = row.getAs(index);
        if (vector.size() != values.length) {
            throw new IllegalArgumentException("column '" + vectorColumn + "' holds a vector of " + vector.size()
                    + " values; the model takes " + values.length);
        }
        if (vector instanceof DenseVector dense) {
            System.arraycopy(dense.values(), 0, values, 0, values.length); // no copy of the vector's own array
        } else {
            System.arraycopy(vector.toArray(), 0, values, 0, values.length);
        }
    }

    private double read(Row row, int index, int c) {
        if (row.isNullAt(index)) {
            return Double.NaN;
        }
        return switch (sources[c]) {
            case NUMBER -> ((Number) row.get(index)).doubleValue();
            case BOOLEAN -> row.getBoolean(index) ? 1 : 0;
            case STRING -> levelIndex(levels[c], row.getString(index), sourceColumns[c]);
        };
    }

    private int level(Row row, int index) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("condition column '" + conditionSource + "' is null");
        }
        return levelIndex(conditionLevels, String.valueOf(row.get(index)), conditionSource);
    }

    private static int levelIndex(String[] known, String value, String column) {
        for (int i = 0; i < known.length; i++) {
            if (known[i].equals(value)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column '" + column + "': unknown level '" + value + "' (known: "
                + String.join(", ", known) + ")");
    }

    /** The DataFrame schema of generated rows: numeric columns as doubles, levels as strings. */
    StructType generatedSchema() {
        StructType out = new StructType();
        for (int c = 0; c < featureNames.length; c++) {
            out = out.add(featureNames[c], levels[c].length > 0 ? DataTypes.StringType : DataTypes.DoubleType, false);
        }
        return conditionName == null ? out : out.add(conditionName, DataTypes.StringType, false);
    }

    /** The rows of a generated table, as {@link #generatedSchema()} describes them. */
    List<Row> toRows(Table table) {
        List<Row> rows = new ArrayList<>(table.rows());
        int width = featureNames.length;
        for (int r = 0; r < table.rows(); r++) {
            Object[] values = new Object[width + (conditionName == null ? 0 : 1)];
            for (int c = 0; c < width; c++) {
                float v = table.value(r, c);
                values[c] = levels[c].length > 0 ? levels[c][(int) v] : (Object) (double) v;
            }
            if (conditionName != null) {
                values[width] = conditionLevels[table.condition(r)];
            }
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    /** The index of a condition level by name. */
    int conditionLevel(String label) {
        if (conditionName == null) {
            throw new IllegalStateException("generate with a label needs a conditional model");
        }
        return levelIndex(conditionLevels, label, conditionName);
    }
}
