package org.vae4j.examples.synth;

import java.util.Arrays;

/**
 * The association of two columns of one sample, over the rows where both are observed: Pearson's
 * correlation for two numeric columns, Cramer's V for two nominal ones. A column that is constant over those
 * rows (or fewer than two such rows) has no association to measure and counts as 0.
 */
public final class Association {

    private Association() {}

    /** Pearson's correlation, in [-1, 1]. */
    public static double pearson(double[] x, double[] y) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
                sx += x[i];
                sy += y[i];
            }
        }
        if (n < 2) {
            return 0;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Cramer's V of two columns of level indices, in [0, 1]: sqrt(chi^2 / (n (min(k, l) - 1))) with k and l the
     * numbers of levels that occur.
     */
    public static double cramersV(double[] x, double[] y) {
        int kx = SynthTable.maxLevel(x) + 1;
        int ky = SynthTable.maxLevel(y) + 1;
        double[][] counts = new double[Math.max(kx, 1)][Math.max(ky, 1)];
        double[] rowSums = new double[counts.length];
        double[] colSums = new double[counts[0].length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                counts[(int) x[i]][(int) y[i]]++;
                rowSums[(int) x[i]]++;
                colSums[(int) y[i]]++;
                n++;
            }
        }
        int rowsUsed = (int) Arrays.stream(rowSums).filter(s -> s > 0).count();
        int colsUsed = (int) Arrays.stream(colSums).filter(s -> s > 0).count();
        int df = Math.min(rowsUsed, colsUsed) - 1;
        if (df < 1) {
            return 0;
        }
        double chi2 = 0;
        for (int a = 0; a < counts.length; a++) {
            for (int b = 0; b < counts[a].length; b++) {
                if (rowSums[a] > 0 && colSums[b] > 0) {
                    double expected = rowSums[a] * colSums[b] / n;
                    chi2 += (counts[a][b] - expected) * (counts[a][b] - expected) / expected;
                }
            }
        }
        return Math.sqrt(chi2 / ((double) n * df));
    }
}
