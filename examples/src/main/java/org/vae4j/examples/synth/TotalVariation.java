package org.vae4j.examples.synth;

/**
 * The total variation distance between the level frequencies of two nominal samples: half the sum of the
 * absolute differences of the shares, from 0 (the same shares) to 1 (no level in common). A missing cell
 * (NaN) counts as a level of its own, so that a synthetic column missing more or less often than the real
 * one is seen.
 */
public final class TotalVariation {

    private TotalVariation() {}

    /**
     * The distance between two samples of level indices (NaN for missing).
     *
     * @param levels the number of levels the indices may take (higher indices are counted too)
     */
    public static double distance(double[] a, double[] b, int levels) {
        int size = Math.max(levels, Math.max(maxLevel(a), maxLevel(b)) + 1) + 1;
        double[] p = shares(a, size);
        double[] q = shares(b, size);
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += Math.abs(p[k] - q[k]);
        }
        return sum / 2;
    }

    private static int maxLevel(double[] values) {
        int max = -1;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, (int) v);
            }
        }
        return max;
    }

    /** Each level's share; the last slot holds the missing cells'. */
    private static double[] shares(double[] values, int size) {
        double[] shares = new double[size];
        for (double v : values) {
            shares[Double.isNaN(v) ? size - 1 : (int) v] += 1.0 / values.length;
        }
        return shares;
    }
}
