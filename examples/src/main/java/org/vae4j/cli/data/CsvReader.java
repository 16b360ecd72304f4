package org.vae4j.cli.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a comma-separated file whose first non-blank line names the columns. Fields may be quoted with
 * double quotes (a doubled quote inside stands for one); unquoted fields are trimmed; blank lines are
 * skipped. A row with the wrong number of fields or an unterminated quote is an error naming the file,
 * line and column.
 */
public final class CsvReader {

    private CsvReader() {}

    /**
     * Reads the whole file.
     *
     * @throws IOException if the file cannot be read
     * @throws DataException for a malformed header or row
     */
    public static TextTable read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> names = null;
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = split(line, file, lineNumber);
                if (names == null) {
                    names = header(fields, file, lineNumber);
                    continue;
                }
                if (fields.size() != names.size()) {
                    int column = Math.min(fields.size(), names.size() - 1);
                    throw new DataException(file + ", line " + lineNumber + ", column " + (column + 1) + " ('"
                            + names.get(column) + "'): expected " + names.size() + " fields, got " + fields.size());
                }
                rows.add(fields.toArray(new String[0]));
                lines.add(lineNumber);
            }
            if (names == null) {
                throw new DataException(file + ": empty file (expected a header row naming the columns)");
            }
            return new TextTable(file, names, rows, lines.stream().mapToInt(Integer::intValue).toArray(), Map.of());
        }
    }

    private static List<String> header(List<String> fields, Path file, int lineNumber) {
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c);
            if (name.isEmpty()) {
                throw new DataException(file + ", line " + lineNumber + ", column " + (c + 1)
                        + ": the header names no column here");
            }
            if (!seen.add(name)) {
                throw new DataException(file + ", line " + lineNumber + ", column " + (c + 1)
                        + ": column name '" + name + "' appears twice in the header");
            }
        }
        return fields;
    }

    /** Splits one line into fields. */
    static List<String> split(String line, Path file, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                int column = fields.size() + 1;
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new DataException(file + ", line " + lineNumber + ", column " + column
                                + ": unterminated quoted field");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(ch);
                    }
                }
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new DataException(file + ", line " + lineNumber + ", column " + column
                            + ": unexpected text after a closing quote");
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString().strip());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }
}
