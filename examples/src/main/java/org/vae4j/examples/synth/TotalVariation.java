package org.vae4j.examples.synth;

/**
 * The total variation distance between the level frequencies of two nominal samples: half the sum of the
 * absolute differences of the shares, from 0 (the same shares) to 1 (no level in common). Missing cells (NaN)
 * are left out, as the Kolmogorov-Smirnov statistic leaves them out; {@link ColumnFidelity} reports how often
 * each column is missing beside it.
 */
public final class TotalVariation {

    private TotalVariation() {}

    /**
     * The distance between two samples of level indices (NaN for missing); NaN when either has no observed cell.
     *
     * @param levels the number of levels the indices may take (higher indices are counted too)
     */
    public static double distance(double[] a, double[] b, int levels) {
        int size = Math.max(levels, Math.max(SynthTable.maxLevel(a), SynthTable.maxLevel(b)) + 1);
        double[] p = shares(a, size);
        double[] q = shares(b, size);
        if (p == null || q == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += Math.abs(p[k] - q[k]);
        }
        return sum / 2;
    }

    /** Each level's share of the observed cells; null when none is observed. */
    private static double[] shares(double[] values, int size) {
        double[] counts = new double[size];
        int observed = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts[(int) v]++;
                observed++;
            }
        }
        if (observed == 0) {
            return null;
        }
        for (int k = 0; k < size; k++) {
            counts[k] /= observed;
        }
        return counts;
    }
}
