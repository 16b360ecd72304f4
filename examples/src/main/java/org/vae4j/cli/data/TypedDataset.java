package org.vae4j.cli.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * A text file's rows after {@link ColumnTyping}: typed columns and their stored values (NaN where missing),
 * with the text kept for error messages that name the line.
 */
public final class TypedDataset implements Dataset {

    private final TextTable text;
    private final List<Column> columns;
    private final float[] values;

    TypedDataset(TextTable text, List<Column> columns, float[] values) {
        this.text = text;
        this.columns = List.copyOf(columns);
        this.values = values;
    }

    @Override
    public Path source() {
        return text.source();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public int rows() {
        return text.rows().size();
    }

    @Override
    public Optional<String> defaultClass() {
        return Optional.empty();
    }

    @Override
    public Table table(Schema schema) {
        int[] features = new int[schema.width()];
        for (int j = 0; j < features.length; j++) {
            features[j] = indexOf(schema.column(j).name());
        }
        int condition = schema.condition().map(c -> indexOf(c.name())).orElse(-1);
        Table.Builder builder = Table.builder(schema, rows());
        double[] row = new double[features.length];
        for (int r = 0; r < rows(); r++) {
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
        int[] out = new int[rows()];
        for (int r = 0; r < out.length; r++) {
            float v = values[r * columns.size() + c];
            out[r] = Float.isNaN(v) ? -1 : (int) v;
        }
        return out;
    }

    private int level(int r, int c) {
        float v = values[r * columns.size() + c];
        if (Float.isNaN(v)) {
            throw new DataException(text.where(r, text.names().indexOf(columns.get(c).name()))
                    + ": the class is missing (a conditional model needs every row's class)");
        }
        return (int) v;
    }

    private int indexOf(String name) {
        return columns.indexOf(column(name));
    }
}
