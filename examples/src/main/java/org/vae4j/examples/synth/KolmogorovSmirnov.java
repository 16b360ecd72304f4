package org.vae4j.examples.synth;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov statistic: the largest gap between two empirical distribution
 * functions, from 0 (the same distribution of values) to 1 (no overlap). Missing values (NaN) are left out;
 * how many there were is reported beside it by {@link ColumnFidelity}.
 */
public final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {}

    /**
     * The statistic of two samples; NaN when either has no observed value.
     */
    public static double statistic(double[] a, double[] b) {
        double[] x = sortedObserved(a);
        double[] y = sortedObserved(b);
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        int i = 0;
        int j = 0;
        double largest = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            largest = Math.max(largest, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return largest;
    }

    private static double[] sortedObserved(double[] values) {
        double[] out = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(out);
        return out;
    }
}
