package org.vae4j.cli.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a CSV file row by row, quoting fields that need it. */
public final class CsvOutput implements AutoCloseable {

    private final BufferedWriter out;

    /** Opens (creating parent folders, replacing any file) and writes the header. */
    public CsvOutput(Path file, List<String> header) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        row(header);
    }

    /** Writes one row. */
    public void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(fields.get(i)));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field as CSV: quoted when it holds a comma, quote, line break or surrounding spaces. */
    static String quote(String field) {
        boolean plain = field.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
                && field.strip().equals(field);
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
