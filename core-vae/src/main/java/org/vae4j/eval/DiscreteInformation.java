package org.vae4j.eval;

/**
 * Entropy and mutual information of discrete variables given as samples (level indices >= 0), in nats,
 * estimated by the plug-in (empirical frequency) estimator, and the equal-width histogram that turns a
 * continuous latent into such a variable.
 */
final class DiscreteInformation {

    private DiscreteInformation() {}

    /**
     * The bin of each value among {@code bins} equal-width bins spanning the values' range; the maximum
     * falls into the last bin, and a constant column into bin 0.
     */
    static int[] histogramBins(double[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int[] out = new int[values.length];
        double width = (max - min) / bins;
        if (!(width > 0)) {
            return out;
        }
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.min(bins - 1, (int) ((values[i] - min) / width));
        }
        return out;
    }

    /** The empirical entropy H(a) in nats. */
    static double entropy(int[] a) {
        return mutualInformation(a, a);
    }

    /** The empirical mutual information I(a; b) in nats of two paired samples. */
    static double mutualInformation(int[] a, int[] b) {
        int levelsA = levels(a);
        int levelsB = levels(b);
        long[] joint = new long[levelsA * levelsB];
        long[] countA = new long[levelsA];
        long[] countB = new long[levelsB];
        for (int i = 0; i < a.length; i++) {
            joint[a[i] * levelsB + b[i]]++;
            countA[a[i]]++;
            countB[b[i]]++;
        }
        double n = a.length;
        double information = 0;
        for (int i = 0; i < levelsA; i++) {
            for (int j = 0; j < levelsB; j++) {
                long c = joint[i * levelsB + j];
                if (c > 0) {
                    information += c / n * Math.log(c * n / ((double) countA[i] * countB[j]));
                }
            }
        }
        return Math.max(0, information);
    }

    private static int levels(int[] values) {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max + 1;
    }
}
