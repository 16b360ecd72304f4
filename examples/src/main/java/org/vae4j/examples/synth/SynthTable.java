package org.vae4j.examples.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;

/**
 * The rows of one data set held column by column in the real data's columns, so that real, held-out and
 * synthetic rows can be compared cell by cell. A cell is a number for a numeric column and a level index for
 * a nominal one (binary columns without level names hold 0 or 1 and count as nominal), NaN where it is
 * missing. A level that the real data does not have keeps an index of its own at or beyond the column's
 * {@link #cardinality}, so that it counts against the rows that hold it instead of being dropped.
 *
 * @param columns the real data's columns
 * @param values the cells, {@code values[column][row]}
 */
public record SynthTable(List<Column> columns, double[][] values) {

    /** Checks that every column has as many rows as the first. */
    public SynthTable {
        columns = List.copyOf(columns);
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " value columns for " + columns.size() + " columns");
        }
        for (double[] column : values) {
            if (column.length != values[0].length) {
                throw new IllegalArgumentException("columns of different lengths");
            }
        }
    }

    /** Number of rows. */
    public int rows() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Number of columns. */
    public int width() {
        return columns.size();
    }

    /** Whether the column holds numbers rather than levels. */
    public boolean isNumeric(int column) {
        return columns.get(column).type() == ColumnType.NUMERIC;
    }

    /** The number of levels the real data has in a nominal column (2 for a binary one), 0 for numeric ones. */
    public int cardinality(int column) {
        return columns.get(column).cardinality();
    }

    /** The index of the column with this name, or -1. */
    public int indexOf(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** One cell. */
    public double value(int row, int column) {
        return values[column][row];
    }

    /** The observed (not missing) cells of a column. */
    public double[] observed(int column) {
        return Arrays.stream(values[column]).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The rows at these indices, in this order. */
    public SynthTable select(int[] rows) {
        double[][] out = new double[values.length][rows.length];
        for (int c = 0; c < values.length; c++) {
            for (int r = 0; r < rows.length; r++) {
                out[c][r] = values[c][rows[r]];
            }
        }
        return new SynthTable(columns, out);
    }

    /** The highest level index among the observed cells of a nominal column, -1 when none is observed. */
    public static int maxLevel(double[] levels) {
        int max = -1;
        for (double v : levels) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, (int) v);
            }
        }
        return max;
    }

    /** The indices of the numeric columns. */
    public int[] numericColumns() {
        return indices(true);
    }

    /** The indices of the nominal columns. */
    public int[] nominalColumns() {
        return indices(false);
    }

    private int[] indices(boolean numeric) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (isNumeric(c) == numeric) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
