package org.vae4j.cli.plot;

/**
 * A two-dimensional principal-component projection of rows of numbers: the top two eigenvectors of the
 * covariance matrix (found by power iteration with deflation) and the share of variance each explains.
 */
public final class Pca {

    private static final int ITERATIONS = 500;

    private final double[] mean;
    private final double[][] components;
    private final double[] explained;

    private Pca(double[] mean, double[][] components, double[] explained) {
        this.mean = mean;
        this.components = components;
        this.explained = explained;
    }

    /**
     * Fits the projection.
     *
     * @param rows at least two rows of equal width >= 2
     */
    public static Pca fit(double[][] rows) {
        int m = rows[0].length;
        double[] mean = new double[m];
        for (double[] row : rows) {
            for (int j = 0; j < m; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        double[][] cov = new double[m][m];
        for (double[] row : rows) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    cov[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]) / (rows.length - 1);
                }
            }
        }
        double trace = 0;
        for (int j = 0; j < m; j++) {
            trace += cov[j][j];
        }
        double[][] components = new double[2][];
        double[] explained = new double[2];
        for (int k = 0; k < 2; k++) {
            components[k] = topEigenvector(cov, k);
            double lambda = rayleigh(cov, components[k]);
            explained[k] = trace > 0 ? lambda / trace : 0;
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    cov[a][b] -= lambda * components[k][a] * components[k][b];
                }
            }
        }
        return new Pca(mean, components, explained);
    }

    /** The rows' coordinates on the two components. */
    public double[][] project(double[][] rows) {
        double[][] out = new double[rows.length][2];
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < 2; k++) {
                double dot = 0;
                for (int j = 0; j < mean.length; j++) {
                    dot += (rows[r][j] - mean[j]) * components[k][j];
                }
                out[r][k] = dot;
            }
        }
        return out;
    }

    /** The fraction of the total variance that component {@code k} (0 or 1) explains. */
    public double explained(int k) {
        return explained[k];
    }

    private static double[] topEigenvector(double[][] cov, int seedIndex) {
        int m = cov.length;
        double[] v = new double[m];
        for (int j = 0; j < m; j++) {
            v[j] = 1.0 + 0.1 * ((j * 7 + seedIndex * 3) % 11);
        }
        normalise(v);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    next[a] += cov[a][b] * v[b];
                }
            }
            if (!normalise(next)) {
                return v;
            }
            v = next;
        }
        return v;
    }

    private static double rayleigh(double[][] cov, double[] v) {
        double sum = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                sum += v[a] * cov[a][b] * v[b];
            }
        }
        return sum;
    }

    private static boolean normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm < 1e-300) {
            return false;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return true;
    }
}
