package org.vae4j.np.gp;

/**
 * The Cholesky factor L (lower triangular, A = L L^T) of a symmetric positive-definite matrix, in plain Java,
 * with the products and solves Gaussian-process regression needs.
 */
public final class Cholesky {

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * Factors {@code a} (only its lower triangle is read).
     *
     * @throws IllegalArgumentException if {@code a} is not square or not (numerically) positive definite
     */
    public static Cholesky of(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("row " + (i + 1) + " of a " + n + "x" + n + " matrix has "
                        + a[i].length + " values");
            }
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("the matrix is not positive definite (pivot " + (i + 1)
                                + " is " + sum + ")");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    /** The size n of the n x n matrix. */
    public int size() {
        return lower.length;
    }

    /** L v: with v standard normal, a draw from N(0, A). */
    public double[] times(double[] v) {
        double[] out = new double[lower.length];
        for (int i = 0; i < lower.length; i++) {
            double sum = 0;
            for (int k = 0; k <= i; k++) {
                sum += lower[i][k] * v[k];
            }
            out[i] = sum;
        }
        return out;
    }

    /** The solution v of L v = b (forward substitution). */
    public double[] solveLower(double[] b) {
        double[] v = new double[lower.length];
        for (int i = 0; i < lower.length; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[i][k] * v[k];
            }
            v[i] = sum / lower[i][i];
        }
        return v;
    }

    /** The solution x of A x = b. */
    public double[] solve(double[] b) {
        double[] v = solveLower(b);
        double[] x = new double[lower.length];
        for (int i = lower.length - 1; i >= 0; i--) {
            double sum = v[i];
            for (int k = i + 1; k < lower.length; k++) {
                sum -= lower[k][i] * x[k];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }
}
