package org.vae4j.cli.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits comma-separated text into records as RFC 4180 describes: a field may be quoted with double quotes,
 * a doubled quote inside stands for one, and a quoted field may span lines. Unquoted fields are trimmed and
 * blank lines skipped. Errors name the file, the line where the record starts and the column.
 */
final class CsvParser {

    private final Reader in;
    private final Path file;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private int line = 1;
    private int recordLine;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    /** A parser of the text {@code in}, read from {@code file} (named in messages); a byte-order mark is skipped. */
    CsvParser(Reader in, Path file) throws IOException {
        this.in = in;
        this.file = file;
        if (peek() == '\uFEFF') {
            position++;
        }
    }

    /** The fields of the next non-blank record, or null at the end of the text; the list is reused. */
    List<String> next() throws IOException {
        while (peek() >= 0) {
            recordLine = line;
            if (record()) {
                return fields;
            }
        }
        return null;
    }

    /** The 1-based line where the record last returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    /** Reads one record into {@link #fields}; false when it was a blank line. */
    private boolean record() throws IOException {
        fields.clear();
        boolean quoted = false;
        while (true) {
            skipSpaces();
            field.setLength(0);
            if (peek() == '"') {
                quoted = true;
                position++;
                quoted();
                fields.add(field.toString());
            } else {
                fields.add(unquoted());
            }
            int c = peek();
            if (c != ',') {
                endOfLine();
                return quoted || fields.size() > 1 || !fields.get(0).isEmpty();
            }
            position++;
        }
    }

    private void quoted() throws IOException {
        int column = fields.size() + 1;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new DataException(file + ", line " + recordLine + ", column " + column + ": unterminated quoted field");
            }
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                position++;
            }
            field.append((char) c);
        }
        skipSpaces();
        int c = peek();
        if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
            throw new DataException(file + ", line " + recordLine + ", column " + column
                    + ": unexpected text after a closing quote");
        }
    }

    /** An unquoted field, trimmed; made straight from the buffer when it lies within it. */
    private String unquoted() throws IOException {
        while (peek() >= 0) {
            int start = position;
            while (position < length && buffer[position] != ',' && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (position < length && field.length() == 0) {
                return new String(buffer, start, position - start).strip();
            }
            field.append(buffer, start, position - start);
            if (position < length) {
                break;
            }
        }
        return field.toString().strip();
    }

    /** Consumes a line end: {@code \n}, {@code \r\n} or a lone {@code \r}, or nothing at the end of the text. */
    private void endOfLine() throws IOException {
        if (read() == '\r') {
            if (peek() == '\n') {
                read();
            } else {
                line++;
            }
        }
    }

    private void skipSpaces() throws IOException {
        while (peek() == ' ') {
            position++;
        }
    }

    /** The next character without consuming it, or -1 at the end of the text. */
    private int peek() throws IOException {
        if (position == length) {
            length = Math.max(0, in.read(buffer, 0, buffer.length));
            position = 0;
            if (length == 0) {
                return -1;
            }
        }
        return buffer[position];
    }

    /** Consumes the next character (counting lines), or returns -1 at the end of the text. */
    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }
}
