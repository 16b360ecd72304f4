package org.vae4j.cli.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.vae4j.data.Column;

/**
 * Rows of a text data file before their types are settled: the header, each row's cells as written and
 * the line each row came from, plus any column types the file itself declares (ARFF headers do).
 *
 * @param source the file read
 * @param names the column names, in file order
 * @param rows the cells of each row, as many as there are names
 * @param lines the 1-based line number of each row in the file, or null when the reader cannot know it
 * @param declared columns whose types the file declares, by name (empty for CSV)
 */
public record TextTable(Path source, List<String> names, List<String[]> rows, int[] lines,
        Map<String, Column> declared) {

    /** Copies the lists. */
    public TextTable {
        names = List.copyOf(names);
        rows = List.copyOf(rows);
        declared = Map.copyOf(declared);
    }

    /** Where a cell is, for error messages: {@code data.csv, line 7, column 3 ('age')}. */
    public String where(int row, int column) {
        String place = lines == null ? "data row " + (row + 1) : "line " + lines[row];
        return source + ", " + place + ", column " + (column + 1) + " ('" + names.get(column) + "')";
    }
}
