package org.vae4j.preprocess;

import java.util.Arrays;

/**
 * A one-dimensional Gaussian mixture fitted by expectation-maximisation, with the number of components chosen
 * by the Bayesian information criterion: the modes of a column for mode-specific normalisation. Deterministic:
 * components start at evenly spaced quantiles of the values. A component's scale never falls below a small
 * share of the values' spread, so a column of a few distinct values gets one narrow mode per value rather than
 * a degenerate fit.
 */
final class GaussianMixtureFit {

    /** The most components tried. */
    static final int MAX_COMPONENTS = 6;
    private static final int ITERATIONS = 200;
    private static final double SCALE_FLOOR = 0.02;
    private static final double MIN_WEIGHT = 1e-6;

    private GaussianMixtureFit() {}

    /** A fitted mixture: each component's weight, mean and scale. */
    record Mixture(double[] weights, double[] means, double[] scales, double bic) {}

    /** The mixture of 1 to {@link #MAX_COMPONENTS} components with the smallest BIC (one for fewer than 2 values). */
    static Mixture best(double[] values) {
        Mixture best = fit(values, 1);
        if (spread(values) == 0) {
            return best;
        }
        for (int k = 2; k <= Math.min(MAX_COMPONENTS, values.length / 10); k++) {
            Mixture candidate = fit(values, k);
            if (candidate.bic() < best.bic()) {
                best = candidate;
            }
        }
        return best;
    }

    private static double spread(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        return Math.sqrt(variance);
    }

    /** The mixture of {@code k} components EM reaches from components at evenly spaced quantiles. */
    static Mixture fit(double[] values, int k) {
        int n = values.length;
        double spread = spread(values);
        if (spread == 0) {
            double mean = n == 0 ? 0 : values[0];
            return new Mixture(new double[] {1}, new double[] {mean}, new double[] {1}, 0);
        }
        double floor = SCALE_FLOOR * spread;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] weights = new double[k];
        double[] means = new double[k];
        double[] scales = new double[k];
        for (int j = 0; j < k; j++) {
            weights[j] = 1.0 / k;
            means[j] = sorted[(int) ((j + 0.5) * n / k)];
            scales[j] = Math.max(floor, spread / k);
        }
        double[][] responsibility = new double[n][k];
        double logLikelihood = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double next = expectation(values, weights, means, scales, responsibility);
            maximisation(values, responsibility, weights, means, scales, floor);
            if (next - logLikelihood < 1e-7 * n) {
                logLikelihood = next;
                break;
            }
            logLikelihood = next;
        }
        logLikelihood = expectation(values, weights, means, scales, responsibility);
        double bic = -2 * logLikelihood + (3.0 * k - 1) * Math.log(n);
        return new Mixture(weights, means, scales, bic);
    }

    /** Fills the responsibilities and returns the log-likelihood. */
    private static double expectation(double[] values, double[] weights, double[] means, double[] scales,
            double[][] responsibility) {
        int k = weights.length;
        double total = 0;
        double[] logs = new double[k];
        for (int i = 0; i < values.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double u = (values[i] - means[j]) / scales[j];
                logs[j] = Math.log(weights[j]) - Math.log(scales[j]) - 0.5 * u * u - 0.5 * Math.log(2 * Math.PI);
                max = Math.max(max, logs[j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                responsibility[i][j] = Math.exp(logs[j] - max);
                sum += responsibility[i][j];
            }
            for (int j = 0; j < k; j++) {
                responsibility[i][j] /= sum;
            }
            total += max + Math.log(sum);
        }
        return total;
    }

    private static void maximisation(double[] values, double[][] responsibility, double[] weights, double[] means,
            double[] scales, double floor) {
        int n = values.length;
        for (int j = 0; j < weights.length; j++) {
            double mass = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                mass += responsibility[i][j];
                sum += responsibility[i][j] * values[i];
            }
            if (mass < MIN_WEIGHT * n) {
                // An empty component keeps its place, with the least weight.
                weights[j] = MIN_WEIGHT;
                continue;
            }
            double mean = sum / mass;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = values[i] - mean;
                squares += responsibility[i][j] * d * d;
            }
            weights[j] = mass / n;
            means[j] = mean;
            scales[j] = Math.max(floor, Math.sqrt(squares / mass));
        }
        double total = Arrays.stream(weights).sum();
        for (int j = 0; j < weights.length; j++) {
            weights[j] /= total;
        }
    }
}
