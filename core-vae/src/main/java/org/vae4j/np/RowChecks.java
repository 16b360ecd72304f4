package org.vae4j.np;

/** Checks the rows a caller hands in, so that bad input fails with its row and column instead of as a NaN. */
final class RowChecks {

    private RowChecks() {}

    /**
     * Checks that {@code rows} is non-null, every row has {@code width} values and every value is finite.
     *
     * @param what what the rows are, as the message names them ("training inputs")
     * @param width the expected number of columns, or -1 to take the first row's
     * @return the width
     * @throws IllegalArgumentException naming the row and column (counted from 1) of the first bad value
     */
    static int check(double[][] rows, String what, int width) {
        if (rows == null) {
            throw new IllegalArgumentException("the " + what + " are missing (null)");
        }
        int expected = width;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new IllegalArgumentException(what + ", row " + (r + 1) + ": the row is missing (null)");
            }
            if (expected < 0) {
                expected = rows[r].length;
            }
            if (rows[r].length != expected) {
                throw new IllegalArgumentException(what + ", row " + (r + 1) + ": " + rows[r].length
                        + " columns, expected " + expected);
            }
            for (int j = 0; j < expected; j++) {
                if (!Double.isFinite(rows[r][j])) {
                    throw new IllegalArgumentException(what + ", row " + (r + 1) + ", column " + (j + 1) + ": value "
                            + rows[r][j] + " is not a finite number");
                }
            }
        }
        return expected;
    }

    /**
     * Checks that two tables have the same number of rows.
     *
     * @throws IllegalArgumentException naming both
     */
    static void sameRows(double[][] a, String aName, double[][] b, String bName) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("the " + aName + " have " + a.length + " rows but the " + bName
                    + " have " + b.length);
        }
    }
}
