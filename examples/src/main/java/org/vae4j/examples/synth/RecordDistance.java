package org.vae4j.examples.synth;

import java.util.Arrays;

/**
 * The distance between two rows used by the privacy check: Euclidean over the cells, a numeric cell contributing
 * its difference in standard deviations of the real column (a constant column's difference is taken as is),
 * a nominal cell 0 when the levels match and 1 when they differ. A missing cell against an observed one
 * contributes 1, two missing cells 0. Two rows are exact copies when their distance is 0.
 */
public final class RecordDistance {

    private final boolean[] numeric;
    private final double[] scale;

    private RecordDistance(boolean[] numeric, double[] scale) {
        this.numeric = numeric;
        this.scale = scale;
    }

    /** The distance with the real table's column scales. */
    public static RecordDistance scaledBy(SynthTable real) {
        boolean[] numeric = new boolean[real.width()];
        double[] scale = new double[real.width()];
        for (int c = 0; c < real.width(); c++) {
            numeric[c] = real.isNumeric(c);
            double sd = numeric[c] ? standardDeviation(real.observed(c)) : 1;
            scale[c] = sd > 0 ? sd : 1;
        }
        return new RecordDistance(numeric, scale);
    }

    /** The distance between row {@code i} of {@code a} and row {@code j} of {@code b}. */
    public double between(SynthTable a, int i, SynthTable b, int j) {
        double sum = 0;
        for (int c = 0; c < numeric.length; c++) {
            double x = a.value(i, c);
            double y = b.value(j, c);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                sum += Double.isNaN(x) && Double.isNaN(y) ? 0 : 1;
            } else if (numeric[c]) {
                double d = (x - y) / scale[c];
                sum += d * d;
            } else {
                sum += x == y ? 0 : 1;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * For each row of {@code rows}, its distance to the closest row of {@code reference}; with {@code skipSame},
     * a row is not compared with itself (both tables being the same).
     */
    public double[] closest(SynthTable rows, SynthTable reference, boolean skipSame) {
        double[] out = new double[rows.rows()];
        for (int i = 0; i < out.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < reference.rows() && best > 0; j++) {
                if (!skipSame || i != j) {
                    best = Math.min(best, between(rows, i, reference, j));
                }
            }
            out[i] = best;
        }
        return out;
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
