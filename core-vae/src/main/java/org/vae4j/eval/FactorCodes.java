package org.vae4j.eval;

/**
 * Checks and reads the two tables every disentanglement metric takes: latent codes, one row per
 * observation, and the observation's ground-truth factors as level indices. A mismatch (rows of
 * different lengths, a negative level) fails with an {@link IllegalArgumentException} naming the row,
 * counted from 1.
 */
final class FactorCodes {

    private FactorCodes() {}

    /** The number of columns of a non-empty rectangular table, checked row by row. */
    static int width(double[][] rows, String what) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no " + what + " rows");
        }
        int width = rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException(what + " row " + (r + 1) + " has " + rows[r].length
                        + " values, expected " + width);
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(rows[r][j])) {
                    throw new IllegalArgumentException(what + " row " + (r + 1) + ", column " + (j + 1)
                            + ": value " + rows[r][j] + " is not finite");
                }
            }
        }
        return width;
    }

    /** Column {@code factor} of the factor table, checked to hold levels >= 0 in rows of equal length. */
    static int[] factorColumn(int[][] factors, int factor) {
        int[] column = new int[factors.length];
        for (int r = 0; r < factors.length; r++) {
            if (factors[r].length != factors[0].length) {
                throw new IllegalArgumentException("factor row " + (r + 1) + " has " + factors[r].length
                        + " values, expected " + factors[0].length);
            }
            column[r] = factors[r][factor];
            if (column[r] < 0) {
                throw new IllegalArgumentException("factor row " + (r + 1) + ", factor " + (factor + 1)
                        + ": level " + column[r] + " is negative");
            }
        }
        return column;
    }

    /** Column {@code j} of a table. */
    static double[] column(double[][] rows, int j) {
        double[] column = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            column[r] = rows[r][j];
        }
        return column;
    }
}
