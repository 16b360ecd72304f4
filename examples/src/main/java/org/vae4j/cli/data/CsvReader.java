package org.vae4j.cli.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vae4j.data.Column;
import org.vae4j.examples.MaybeGzipped;

/**
 * A comma-separated UTF-8 file (gzipped or not) whose first non-blank record names the columns, read with {@link CsvParser}
 * (RFC 4180 quoting; a byte-order mark is skipped). A row with the wrong number of fields is an error naming
 * the file, line and column; text that is not UTF-8 is an error naming the line and how to convert it.
 */
public final class CsvReader implements TextTable {

    private final Path file;
    private final List<String> names;

    private CsvReader(Path file, List<String> names) {
        this.file = file;
        this.names = List.copyOf(names);
    }

    /**
     * Reads the header of a file; its rows are read by {@link #read(RowHandler)}.
     *
     * @throws IOException if the file cannot be read
     * @throws DataException for an empty file or a malformed header
     */
    public static CsvReader open(Path file) throws IOException {
        try (Reader in = reader(file)) {
            CsvParser parser = new CsvParser(in, file);
            List<String> header = parser.next();
            if (header == null) {
                throw new DataException(file + ": empty file (expected a header row naming the columns)");
            }
            return new CsvReader(file, checkHeader(header, file, parser.recordLine()));
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        }
    }

    @Override
    public Path source() {
        return file;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Map<String, Column> declared() {
        return Map.of();
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (Reader in = reader(file)) {
            CsvParser parser = new CsvParser(in, file);
            parser.next();
            String[] cells = new String[names.size()];
            int row = 0;
            for (List<String> fields = parser.next(); fields != null; fields = parser.next()) {
                int line = parser.recordLine();
                if (fields.size() != names.size()) {
                    int column = Math.min(fields.size(), names.size() - 1);
                    throw new DataException(file + ", line " + line + ", column " + (column + 1) + " ('"
                            + names.get(column) + "'): expected " + names.size() + " fields, got " + fields.size());
                }
                fields.toArray(cells);
                handler.row(cells, row++, line);
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        }
    }

    private static Reader reader(Path file) throws IOException {
        return new InputStreamReader(MaybeGzipped.open(file), StandardCharsets.UTF_8.newDecoder());
    }

    private static List<String> checkHeader(List<String> fields, Path file, int line) {
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c);
            if (name.isEmpty()) {
                throw new DataException(file + ", line " + line + ", column " + (c + 1)
                        + ": the header names no column here");
            }
            if (!seen.add(name)) {
                throw new DataException(file + ", line " + line + ", column " + (c + 1)
                        + ": column name '" + name + "' appears twice in the header");
            }
        }
        return fields;
    }

    private static DataException notUtf8(Path file) throws IOException {
        return new DataException(file + ", line " + firstLineNotUtf8(file) + ": not UTF-8 text, which is what vae4j "
                + "reads; convert the file first, e.g. iconv -f latin1 -t utf-8 " + file + " > utf8.csv");
    }

    /** The 1-based number of the first line that is not valid UTF-8 (0 if there is none). */
    private static int firstLineNotUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        try (InputStream in = MaybeGzipped.open(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int number = 1, b = in.read(); line.size() > 0 || b >= 0; b = in.read()) {
                if (b >= 0 && b != '\n') {
                    line.write(b);
                    continue;
                }
                try {
                    decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
                } catch (CharacterCodingException e) {
                    return number;
                }
                line.reset();
                number++;
            }
            return 0;
        }
    }
}
