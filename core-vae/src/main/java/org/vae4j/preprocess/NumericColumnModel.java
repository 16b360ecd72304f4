package org.vae4j.preprocess;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How one numeric column with a Gaussian likelihood is encoded and decoded, fitted on its training values so
 * that decoded values look like the column's own: a value is optionally taken to log scale (a strictly
 * positive, skewed column), assigned a mode and encoded as its offset from that mode's mean in units of the
 * mode's scale. With one mode this is plain standardisation; with several (a multi-modal column) the mode is
 * a one-hot block of its own, as in mode-specific normalisation (Xu et al. 2019, TVAE); an exact-zero spike is
 * one more mode that decodes to exactly 0. Decoded values are rounded for an integer-valued column and kept
 * within the training range for a bounded one.
 *
 * @param minimum the smallest training value (the lower bound when bounded)
 * @param maximum the largest training value (the upper bound when bounded)
 * @param bounded whether decoded values are kept within [minimum, maximum]
 * @param integer whether decoded values are rounded to integers
 * @param logScale whether non-zero values are modelled on log scale (they must then be positive)
 * @param zeroSpike whether exact zeros are a mode of their own, after the Gaussian modes
 * @param weights each Gaussian mode's share of the (non-zero) training values
 * @param means each Gaussian mode's mean, on the modelled (possibly log) scale
 * @param scales each Gaussian mode's scale, on the modelled scale
 */
public record NumericColumnModel(double minimum, double maximum, boolean bounded, boolean integer, boolean logScale,
        boolean zeroSpike, double[] weights, double[] means, double[] scales) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most modes a column may have (a model file declaring more is refused). */
    public static final int MAX_MODES = 16;

    /**
     * Checks and copies the parameters.
     *
     * @throws IllegalArgumentException when a parameter is not finite, a scale or weight not positive, the
     *     range empty, or the modes' arrays of different lengths
     */
    public NumericColumnModel {
        if (means.length < 1 || means.length > MAX_MODES || weights.length != means.length
                || scales.length != means.length) {
            throw new IllegalArgumentException("a numeric column model needs 1 to " + MAX_MODES
                    + " modes with one weight, mean and scale each");
        }
        for (int k = 0; k < means.length; k++) {
            if (!Double.isFinite(means[k]) || !(scales[k] > 0 && scales[k] < Double.POSITIVE_INFINITY)
                    || !(weights[k] > 0 && weights[k] <= 1)) {
                throw new IllegalArgumentException("mode " + k + ": mean " + means[k] + ", scale " + scales[k]
                        + " and weight " + weights[k] + " must be finite, the scale positive, the weight in (0, 1]");
            }
        }
        if (bounded && !(minimum <= maximum && Double.isFinite(minimum) && Double.isFinite(maximum))) {
            throw new IllegalArgumentException("the range [" + minimum + ", " + maximum + "] of a bounded column "
                    + "must be finite and not empty");
        }
        weights = weights.clone();
        means = means.clone();
        scales = scales.clone();
    }

    /** Plain standardisation, unbounded and unrounded: how every numeric column was modelled before column models. */
    public static NumericColumnModel standardised(double mean, double scale) {
        return new NumericColumnModel(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, false, false,
                new double[] {1}, new double[] {mean}, new double[] {scale});
    }

    /** Number of modes, the zero spike included: the width of the mode block when it is more than 1. */
    public int modeCount() {
        return means.length + (zeroSpike ? 1 : 0);
    }

    /** The mode index of the zero spike (meaningful only with {@link #zeroSpike}). */
    private int zeroMode() {
        return means.length;
    }

    /**
     * The mode a value is encoded in: the zero spike for an exact zero, else the Gaussian mode most likely to
     * have produced it.
     *
     * @throws IllegalArgumentException when a log-scale column is given a negative value
     */
    public int mode(double value) {
        if (zeroSpike && value == 0) {
            return zeroMode();
        }
        double t = modelled(value);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double u = (t - means[k]) / scales[k];
            double score = Math.log(weights[k]) - Math.log(scales[k]) - 0.5 * u * u;
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** The encoded offset of a value in its mode: (value - mean) / scale on the modelled scale; 0 for the zero spike. */
    public double offset(double value, int mode) {
        if (mode == zeroMode() && zeroSpike) {
            return 0;
        }
        return (modelled(value) - means[mode]) / scales[mode];
    }

    /** The value a mode and an offset decode to, in the user's units, rounded and kept in range as the column is. */
    public double value(int mode, double offset) {
        if (mode == zeroMode() && zeroSpike) {
            return 0;
        }
        double t = means[mode] + offset * scales[mode];
        double v = logScale ? StrictMath.exp(t) : t;
        if (integer) {
            v = Math.rint(v);
        }
        if (bounded) {
            v = Math.min(maximum, Math.max(minimum, v));
        }
        // Never beyond what a table can hold, even when extrapolating.
        return Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, v));
    }

    /** log |d offset / d value| of a value in its mode (0 for the zero spike, a point mass). */
    public double logJacobian(double value, int mode) {
        if (mode == zeroMode() && zeroSpike) {
            return 0;
        }
        return -Math.log(scales[mode]) - (logScale ? Math.log(value) : 0);
    }

    private double modelled(double value) {
        if (!logScale) {
            return value;
        }
        if (!(value > 0)) {
            throw new IllegalArgumentException("value " + value + " is not positive, which a log-scale column needs "
                    + "(declare the column's type with the columnTypes option to model it otherwise)");
        }
        return Math.log(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumnModel m && m.minimum == minimum && m.maximum == maximum
                && m.bounded == bounded && m.integer == integer && m.logScale == logScale && m.zeroSpike == zeroSpike
                && Arrays.equals(m.weights, weights) && Arrays.equals(m.means, means) && Arrays.equals(m.scales, scales);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "NumericColumnModel[" + (bounded ? "[" + minimum + ", " + maximum + "]" : "unbounded")
                + (integer ? ", integer" : "") + (logScale ? ", log scale" : "") + (zeroSpike ? ", zero spike" : "")
                + ", modes " + Arrays.toString(means) + " scales " + Arrays.toString(scales) + "]";
    }
}
