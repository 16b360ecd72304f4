package org.vae4j.cli.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.vae4j.data.Column;

/**
 * A text data file before its column types are settled: the header, any column types the file itself
 * declares (ARFF headers do), and its rows, streamed from the file as often as they are asked for. Nothing
 * but the header is held in memory: {@link ColumnTyping} reads the rows twice, once to settle the types and
 * once to store the values, so a large file never sits in memory as text.
 */
public interface TextTable {

    /** The file read. */
    Path source();

    /** The column names, in file order. */
    List<String> names();

    /** Columns whose types the file declares, by name (empty for CSV). */
    Map<String, Column> declared();

    /**
     * Reads the data rows from the start of the file, in order.
     *
     * @throws IOException if the file cannot be read
     * @throws DataException for a malformed row, naming the file and line
     */
    void read(RowHandler handler) throws IOException;

    /** Receives the rows of a {@link TextTable} one at a time. */
    interface RowHandler {
        /**
         * One data row.
         *
         * @param cells the row's cells as written, one per name (the array is reused for the next row)
         * @param row the 0-based index of the row among the data rows
         * @param line the 1-based line of the file where the row starts, or 0 when the reader cannot know it
         */
        void row(String[] cells, int row, int line);
    }

    /** Where a cell is, for messages: {@code data.csv, line 7, column 3 ('age')}. */
    default String where(int row, int line, int column) {
        return source() + ", " + place(row, line) + ", column " + (column + 1) + " ('" + names().get(column) + "')";
    }

    /** Where a row is, for messages: {@code line 7}, or {@code data row 6} when the line is unknown. */
    static String place(int row, int line) {
        return line > 0 ? "line " + line : "data row " + (row + 1);
    }
}
