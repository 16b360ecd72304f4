package org.vae4j.preprocess;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.vae4j.preprocess.ColumnTypes.Trait;

/**
 * Fits the {@link NumericColumnModel} of one numeric column from its summary: the traits the user declared, or
 * else those its training values show. Detection: every column is bounded by its training range; integer when
 * every value is; a zero spike when at least {@link #ZERO_SHARE} of the values are exactly 0 (and not all);
 * log scale when the non-zero values are positive and right-skewed (skewness above {@link #SKEWNESS}) and less
 * skewed on log scale; several modes when a Gaussian mixture of more than one component fits the (log) non-zero
 * values better by the Bayesian information criterion.
 */
final class NumericColumnFit {

    /** The share of exact zeros from which they are a mode of their own. */
    static final double ZERO_SHARE = 0.05;
    /** The skewness above which a positive column is modelled on log scale. */
    static final double SKEWNESS = 1.0;

    private final String name;
    private final double minimum;
    private final double maximum;
    private final long count;
    private final long zeros;
    private final boolean integral;
    private final double[] sample;
    /** The mixture last fitted, and the values it was fitted on: detection and the model fit the same. */
    private double[] mixtureValues;
    private GaussianMixtureFit.Mixture mixture;

    /**
     * The column's summary.
     *
     * @param sample an evenly spaced sample of its observed values
     */
    NumericColumnFit(String name, double minimum, double maximum, long count, long zeros, boolean integral,
            float[] sample) {
        this.name = name;
        this.minimum = minimum;
        this.maximum = maximum;
        this.count = count;
        this.zeros = zeros;
        this.integral = integral;
        this.sample = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            this.sample[i] = sample[i];
        }
    }

    /** The traits the column's values show. */
    Set<Trait> detect() {
        Set<Trait> traits = EnumSet.noneOf(Trait.class);
        if (integral) {
            traits.add(Trait.INTEGER);
        }
        boolean spike = zeros >= ZERO_SHARE * count && zeros < count;
        if (spike) {
            traits.add(Trait.ZERO);
        }
        double[] nonZero = nonZero(spike);
        if (minimum >= 0 && (minimum > 0 || spike) && skewness(nonZero) > SKEWNESS
                && Math.abs(skewness(logs(nonZero))) < skewness(nonZero)) {
            traits.add(Trait.POSITIVE);
        }
        double[] modelled = traits.contains(Trait.POSITIVE) ? logs(nonZero) : nonZero;
        if (modelled.length > 0 && mixture(modelled).means().length > 1) {
            traits.add(Trait.MODES);
        }
        return traits;
    }

    /**
     * The model with the given traits, the modes fitted on the sample (one mode: the mean and standard deviation
     * of the modelled values, {@code mean} and {@code scale} when they are the raw values).
     *
     * @throws IllegalArgumentException naming the column when its values do not allow a declared trait
     */
    NumericColumnModel model(Set<Trait> traits, double mean, double scale) {
        boolean spike = traits.contains(Trait.ZERO);
        boolean log = traits.contains(Trait.POSITIVE);
        if (log && (minimum < 0 || (minimum == 0 && !spike))) {
            throw new IllegalArgumentException("columnTypes: column '" + name + "' is declared positive but has the "
                    + "value " + minimum + (minimum == 0 ? " (declare zero+positive for a column with exact zeros)"
                            : ""));
        }
        boolean bounded = !traits.contains(Trait.UNBOUNDED);
        boolean integer = traits.contains(Trait.INTEGER);
        double[] modelled = log ? logs(nonZero(spike)) : nonZero(spike);
        double[] weights = {1};
        double[] means = {mean};
        double[] scales = {scale};
        if (traits.contains(Trait.MODES) && modelled.length > 0) {
            GaussianMixtureFit.Mixture fitted = mixture(modelled);
            weights = fitted.weights();
            means = fitted.means();
            scales = fitted.scales();
        } else if ((log || spike) && modelled.length > 0) {
            double center = Arrays.stream(modelled).average().orElseThrow();
            double deviation = Math.sqrt(Arrays.stream(modelled).map(v -> (v - center) * (v - center))
                    .average().orElseThrow());
            means[0] = center;
            scales[0] = deviation > 1e-12 ? deviation : 1.0;
        }
        return new NumericColumnModel(minimum, maximum, bounded, integer, log, spike, weights, means, scales);
    }

    private GaussianMixtureFit.Mixture mixture(double[] values) {
        if (!Arrays.equals(values, mixtureValues)) {
            mixture = GaussianMixtureFit.best(values);
            mixtureValues = values;
        }
        return mixture;
    }

    private double[] nonZero(boolean dropZeros) {
        return dropZeros ? Arrays.stream(sample).filter(v -> v != 0).toArray() : sample;
    }

    private static double[] logs(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }

    /** The sample skewness (0 for fewer than 3 values or no spread). */
    static double skewness(double[] values) {
        if (values.length < 3) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= values.length;
        m3 /= values.length;
        return m2 <= 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }
}
