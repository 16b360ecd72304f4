package org.vae4j.cli.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** Writes CSV rows, quoting fields that need it; {@link #write} makes a whole CSV file atomically. */
public final class CsvOutput {

    /** Writes the rows of a CSV file after its header. */
    @FunctionalInterface
    public interface Rows {
        /** Writes every row to {@code csv}. */
        void writeTo(CsvOutput csv) throws IOException;
    }

    private final Writer out;

    private CsvOutput(Writer out) {
        this.out = out;
    }

    /**
     * Writes a CSV file atomically (creating parent folders): the header, then the rows.
     *
     * @throws org.vae4j.io.FileWriteException naming the file and the cause; the old file is then intact
     */
    public static void write(Path file, List<String> header, Rows rows) throws IOException {
        TextFile.write(file, out -> {
            CsvOutput csv = new CsvOutput(out);
            csv.row(header);
            rows.writeTo(csv);
        });
    }

    /** Writes one row. */
    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write('\n');
    }

    /** A field as CSV: quoted when it holds a comma, quote, line break or surrounding spaces. */
    static String quote(String field) {
        boolean plain = field.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
                && field.strip().equals(field);
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
