package org.vae4j.cli.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * A text file's rows after {@link ColumnTyping}: typed columns and their stored values in one row-major
 * array (NaN where missing), the place of each column's first missing cell for messages, and the warnings
 * typing gave. Columns are found by name through an index, so even very wide files are handled in linear time.
 */
public final class TypedDataset implements Dataset {

    private final Path source;
    private final List<Column> columns;
    private final String[] firstMissing;
    private final Map<String, Integer> index = new HashMap<>();
    private final float[] values;
    private final int rows;
    private final List<String> warnings;

    TypedDataset(Path source, List<CellConverter> converters, float[] values, int rows, List<String> warnings) {
        this.source = source;
        this.columns = converters.stream().map(CellConverter::column).toList();
        this.firstMissing = converters.stream().map(CellConverter::firstMissing).toArray(String[]::new);
        for (Column c : columns) {
            index.put(c.name(), index.size());
        }
        this.values = values;
        this.rows = rows;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public Optional<String> defaultClass() {
        return Optional.empty();
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public Column column(String name) {
        Integer c = index.get(name);
        return c != null ? columns.get(c) : Dataset.super.column(name);
    }

    @Override
    public Table table(Schema schema) {
        int[] features = new int[schema.width()];
        for (int j = 0; j < features.length; j++) {
            features[j] = indexOf(schema.column(j).name());
        }
        int condition = schema.condition().map(c -> indexOf(c.name())).orElse(-1);
        Table.Builder builder = Table.builder(schema, rows);
        double[] row = new double[features.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features.length; j++) {
                row[j] = values[r * columns.size() + features[j]];
            }
            builder.addRow(row, condition < 0 ? -1 : level(r, condition));
        }
        return builder.build();
    }

    @Override
    public int[] levels(String column) {
        int c = indexOf(column);
        int[] out = new int[rows];
        for (int r = 0; r < out.length; r++) {
            float v = values[r * columns.size() + c];
            out[r] = Float.isNaN(v) ? -1 : (int) v;
        }
        return out;
    }

    private int level(int r, int c) {
        float v = values[r * columns.size() + c];
        if (Float.isNaN(v)) {
            throw new DataException(firstMissing[c]
                    + ": the class is missing (a conditional model needs every row's class)");
        }
        return (int) v;
    }

    private int indexOf(String name) {
        column(name);
        return index.get(name);
    }
}
