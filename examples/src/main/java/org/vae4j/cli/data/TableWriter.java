package org.vae4j.cli.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Table;

/**
 * Writes a {@link Table} (features, then the condition column if any) as CSV or ARFF, chosen by the file's
 * extension; levels are written by name and missing cells as empty (CSV) or {@code ?} (ARFF).
 */
public final class TableWriter {

    private TableWriter() {}

    /**
     * Writes the table to {@code file}: ARFF when the name ends in {@code .arff}, CSV otherwise.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(Table table, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".arff")) {
            writeArff(table, file);
        } else {
            writeCsv(table, file);
        }
    }

    private static void writeCsv(Table table, Path file) throws IOException {
        try (CsvOutput out = new CsvOutput(file, columns(table).stream().map(Column::name).toList())) {
            for (int r = 0; r < table.rows(); r++) {
                out.row(cells(table, r, ""));
            }
        }
    }

    private static void writeArff(Table table, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("@relation " + arffQuote(file.getFileName().toString().replaceFirst("\\.arff$", "")) + "\n\n");
            for (Column c : columns(table)) {
                out.write("@attribute " + arffQuote(c.name()) + " " + arffType(c) + "\n");
            }
            out.write("\n@data\n");
            for (int r = 0; r < table.rows(); r++) {
                out.write(String.join(",", cells(table, r, "?").stream()
                        .map(v -> v.equals("?") ? v : arffQuote(v)).toList()) + "\n");
            }
        }
    }

    private static List<Column> columns(Table table) {
        List<Column> columns = new ArrayList<>(table.schema().features());
        table.schema().condition().ifPresent(columns::add);
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
