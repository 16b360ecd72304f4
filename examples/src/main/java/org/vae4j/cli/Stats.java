package org.vae4j.cli;

/** Sums and means of per-row results. */
final class Stats {

    private Stats() {}

    /** The sum of the values. */
    static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /** The mean of the values (NaN when there are none). */
    static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : sum(values) / values.length;
    }
}
