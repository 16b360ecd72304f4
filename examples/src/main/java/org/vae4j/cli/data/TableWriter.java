package org.vae4j.cli.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * Writes a {@link Table} (features, then the condition column if any) as CSV or ARFF, chosen by the file's
 * extension; levels are written by name and missing cells as empty (CSV) or {@code ?} (ARFF).
 */
public final class TableWriter {

    private TableWriter() {}

    /**
     * Writes the table to {@code file} atomically: ARFF when the name ends in {@code .arff}, CSV otherwise.
     *
     * @throws org.vae4j.io.FileWriteException naming the file and the cause; the old file is then intact
     */
    public static void write(Table table, Path file) throws IOException {
        write(table.schema(), List.of(table).iterator(), file);
    }

    /**
     * Writes tables of one schema, one after the other, as one file: rows made while writing (a chunk at a
     * time) need never be held all at once.
     *
     * @throws org.vae4j.io.FileWriteException naming the file and the cause; the old file is then intact
     */
    public static void write(Schema schema, Iterator<Table> chunks, Path file) throws IOException {
        List<Column> columns = columns(schema);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arff")) {
            TextFile.write(file, out -> writeArff(columns, chunks, file, out));
        } else {
            CsvOutput.write(file, columns.stream().map(Column::name).toList(), csv -> {
                while (chunks.hasNext()) {
                    Table table = chunks.next();
                    for (int r = 0; r < table.rows(); r++) {
                        csv.row(cells(table, r, ""));
                    }
                }
            });
        }
    }

    private static void writeArff(List<Column> columns, Iterator<Table> chunks, Path file, Writer out)
            throws IOException {
        out.write("@relation " + arffQuote(file.getFileName().toString().replaceFirst("(?i)\\.arff$", "")) + "\n\n");
        for (Column c : columns) {
            out.write("@attribute " + arffQuote(c.name()) + " " + arffType(c) + "\n");
        }
        out.write("\n@data\n");
        while (chunks.hasNext()) {
            Table table = chunks.next();
            for (int r = 0; r < table.rows(); r++) {
                out.write(String.join(",", cells(table, r, "?").stream()
                        .map(v -> v.equals("?") ? v : arffQuote(v)).toList()) + "\n");
            }
        }
    }

    private static List<Column> columns(Schema schema) {
        List<Column> columns = new ArrayList<>(schema.features());
        schema.condition().ifPresent(columns::add);
        return columns;
    }

    private static List<String> cells(Table table, int r, String missing) {
        List<String> cells = new ArrayList<>(table.width() + 1);
        for (int c = 0; c < table.width(); c++) {
            Column column = table.schema().column(c);
            cells.add(table.isMissing(r, c) ? missing : format(column, table.value(r, c)));
        }
        table.schema().condition().ifPresent(c -> cells.add(c.levels().get(table.condition(r))));
        return cells;
    }

    private static String format(Column column, float value) {
        if (column.type() == ColumnType.NUMERIC) {
            return Float.toString(value);
        }
        return column.format(value);
    }

    private static String arffType(Column c) {
        if (c.type() == ColumnType.NUMERIC) {
            return "numeric";
        }
        List<String> levels = c.levels().isEmpty() ? List.of("0", "1") : c.levels();
        return "{" + String.join(",", levels.stream().map(TableWriter::arffQuote).toList()) + "}";
    }

    private static String arffQuote(String text) {
        boolean plain = text.matches("[A-Za-z0-9_.+\\-]+");
        return plain ? text : "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
