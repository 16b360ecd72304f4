package org.vae4j.cli.data;

import java.util.HashMap;
import java.util.Map;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;

/**
 * Turns the cells of one text column into the stored values of its typed column: numbers, 0 or 1, or level
 * indices, and NaN where a cell is missing. A bad cell is an error naming its file, line and column; the
 * place of the first missing cell is kept for later messages.
 */
final class CellConverter {

    private final Column column;
    private final Map<String, Integer> levels;
    private final boolean textIsMissing;
    private String firstMissing;

    /**
     * @param column the typed column
     * @param textIsMissing whether cells that are not numbers count as missing (a numeric column with stray
     *     text) rather than being an error
     */
    CellConverter(Column column, boolean textIsMissing) {
        this.column = column;
        this.textIsMissing = textIsMissing;
        if (column.levels().isEmpty()) {
            this.levels = null;
        } else {
            this.levels = new HashMap<>();
            for (String level : column.levels()) {
                levels.put(level, levels.size());
            }
        }
    }

    /** The typed column. */
    Column column() {
        return column;
    }

    /** Where the first missing cell converted was, or null if none was. */
    String firstMissing() {
        return firstMissing;
    }

    /**
     * The stored value of a cell.
     *
     * @throws DataException naming the file, line and column of a cell that does not fit the column
     */
    float value(String cell, TextTable text, int row, int line, int c) {
        boolean missing = ColumnTyping.isMissing(cell);
        double v = missing || levels != null ? Double.NaN : ColumnTyping.number(cell);
        if (missing || textIsMissing && Double.isNaN(v)) {
            if (firstMissing == null) {
                firstMissing = text.where(row, line, c);
            }
            return Float.NaN;
        }
        if (levels != null) {
            Integer index = levels.get(cell);
            if (index == null) {
                throw new DataException(text.where(row, line, c) + ": unknown level '" + cell + "' (known: "
                        + Dataset.describeNames(column.levels()) + ")");
            }
            return index;
        }
        if (Double.isNaN(v)) {
            throw new DataException(text.where(row, line, c) + ": '" + cell + "' is not a number");
        }
        if (Math.abs(v) > Float.MAX_VALUE) {
            throw new DataException(text.where(row, line, c) + ": '" + cell + "' exceeds the float range "
                    + "(\u00b13.4e38) in which vae4j stores values; rescale the column");
        }
        if (column.type() == ColumnType.BINARY && v != 0 && v != 1) {
            throw new DataException(text.where(row, line, c) + ": binary value must be 0 or 1, got '" + cell + "'");
        }
        return (float) v;
    }
}
