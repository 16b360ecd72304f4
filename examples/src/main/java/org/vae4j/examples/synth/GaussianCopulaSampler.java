package org.vae4j.examples.synth;

import java.util.Arrays;
import java.util.Random;

import org.vae4j.np.gp.Cholesky;

/**
 * The Gaussian-copula baseline: empirical marginals joined by the correlation of normal scores. Each column's
 * training cells are put in order (a missing cell before every value, a nominal column's levels in their index
 * order, which for unordered levels is arbitrary but fixed), each cell is given the normal score
 * {@code Phi^-1(mid-rank / n)} (tied cells share the middle of their block), and the Pearson correlation of the
 * scores is the copula's. A new row draws a normal vector with that correlation and maps each coordinate back
 * through its column's empirical quantile function, so every cell is one the training column holds: marginals
 * are kept, monotone dependence between columns is kept, and nothing outside the data is invented.
 */
public final class GaussianCopulaSampler {

    /** Added to the diagonal, growing tenfold, until the correlation matrix factorises. */
    private static final double FIRST_JITTER = 1e-9;

    private final SynthTable training;
    private final double[][] sorted;
    private final double[][] correlation;
    private final Cholesky factor;

    /** Fits the copula to the training rows. */
    public GaussianCopulaSampler(SynthTable training) {
        if (training.rows() == 0) {
            throw new IllegalArgumentException("no training rows to fit a copula to");
        }
        this.training = training;
        int width = training.width();
        sorted = new double[width][];
        double[][] scores = new double[width][];
        for (int c = 0; c < width; c++) {
            sorted[c] = ordered(training.values()[c]);
            scores[c] = normalScores(training.values()[c], sorted[c]);
        }
        correlation = new double[width][width];
        for (int a = 0; a < width; a++) {
            correlation[a][a] = 1;
            for (int b = a + 1; b < width; b++) {
                correlation[a][b] = Association.pearson(scores[a], scores[b]);
                correlation[b][a] = correlation[a][b];
            }
        }
        factor = factorise(Arrays.stream(correlation).map(double[]::clone).toArray(double[][]::new));
    }

    /** The correlation of the normal scores of columns {@code a} and {@code b}, as the copula holds it. */
    public double correlation(int a, int b) {
        return correlation[a][b];
    }

    /** {@code n} new rows drawn with this seed. */
    public SynthTable sample(int n, long seed) {
        Random random = new Random(seed);
        int width = training.width();
        double[][] values = new double[width][n];
        double[] normal = new double[width];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < width; c++) {
                normal[c] = random.nextGaussian();
            }
            double[] z = factor.times(normal);
            for (int c = 0; c < width; c++) {
                double u = NormalDistribution.cdf(z[c]);
                int index = Math.min(sorted[c].length - 1, Math.max(0, (int) Math.floor(u * sorted[c].length)));
                values[c][r] = sorted[c][index];
            }
        }
        return new SynthTable(training.columns(), values);
    }

    /** The cells in order, missing (NaN) first. */
    private static double[] ordered(double[] cells) {
        double[] out = cells.clone();
        Arrays.sort(out);
        int missing = (int) Arrays.stream(out).filter(Double::isNaN).count();
        double[] result = new double[out.length];
        System.arraycopy(out, out.length - missing, result, 0, missing);
        System.arraycopy(out, 0, result, missing, out.length - missing);
        for (int i = 0; i < missing; i++) {
            result[i] = Double.NaN;
        }
        return result;
    }

    /** Each cell's normal score: Phi^-1 of the middle of its block of equal cells in the order, over n. */
    private static double[] normalScores(double[] cells, double[] order) {
        int n = order.length;
        double[] out = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            int lo = firstIndex(order, cells[r]);
            int hi = lo;
            while (hi < n && same(order[hi], cells[r])) {
                hi++;
            }
            out[r] = NormalDistribution.quantile((lo + hi) / 2.0 / n);
        }
        return out;
    }

    private static int firstIndex(double[] order, double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        int missing = 0;
        while (missing < order.length && Double.isNaN(order[missing])) {
            missing++;
        }
        int i = Arrays.binarySearch(order, missing, order.length, v);
        while (i > missing && order[i - 1] == v) {
            i--;
        }
        return i;
    }

    private static boolean same(double a, double b) {
        return Double.isNaN(a) ? Double.isNaN(b) : a == b;
    }

    private static Cholesky factorise(double[][] correlation) {
        for (double jitter = FIRST_JITTER; ; jitter *= 10) {
            try {
                return Cholesky.of(correlation);
            } catch (IllegalArgumentException e) {
                if (jitter > 1) {
                    throw e;
                }
                for (int i = 0; i < correlation.length; i++) {
                    correlation[i][i] += jitter;
                }
            }
        }
    }
}
