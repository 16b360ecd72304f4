package org.vae4j.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.engine.Engines;

/**
 * The continuous Bernoulli's log-density on tensors against its definition computed here in plain Java
 * (C(lambda) = 2 artanh(1 - 2 lambda) / (1 - 2 lambda)): it integrates to 1 over [0, 1] for every lambda, has
 * the closed-form values at known points on both sides of the Taylor threshold, and its back-propagated
 * gradients match finite differences of the definition, also at and around lambda = 1/2.
 */
class ContinuousBernoulliTest {

    /** Logits from far in the tails to lambda = 1/2, on both sides of the Taylor threshold of 0.1. */
    private static final double[] LOGITS = {-12, -4, -0.7, -0.1001, -0.0999, -0.05, -1e-3, 0, 1e-3, 0.03, 0.0999,
        0.1001, 0.7, 4, 12};

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** log p(x | lambda) from the paper's definition, in double precision. */
    private static double logDensity(double x, double logit) {
        double lambda = 1 / (1 + Math.exp(-logit));
        double t = 1 - 2 * lambda;
        double c = t == 0 ? 2 : 2 * 0.5 * Math.log((1 + t) / (1 - t)) / t;
        return Math.log(c) + x * Math.log(lambda) + (1 - x) * Math.log1p(-lambda);
    }

    /** The tensor log-density of every (x, logit) pair. */
    private float[] logDensities(double[] x, double[] logits) {
        NDArray l = manager.create(toFloats(logits), new Shape(1, logits.length));
        NDArray xs = manager.create(toFloats(x), new Shape(1, x.length));
        return new ContinuousBernoulli(l).logProbElementwise(xs).toFloatArray();
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @Test
    void densityIntegratesToOneOverTheUnitInterval() {
        int intervals = 2000; // Simpson's rule, even number of intervals
        for (double logit : LOGITS) {
            double[] x = new double[intervals + 1];
            double[] l = new double[intervals + 1];
            for (int i = 0; i <= intervals; i++) {
                x[i] = (double) i / intervals;
                l[i] = logit;
            }
            float[] logP = logDensities(x, l);
            double sum = 0;
            for (int i = 0; i <= intervals; i++) {
                double weight = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
                sum += weight * Math.exp(logP[i]);
            }
            double integral = sum / (3.0 * intervals);
            assertEquals(1.0, integral, 2e-4, "integral of the density for logit " + logit);
        }
    }

    @Test
    void logDensityAtKnownPointsMatchesTheDefinition() {
        double[] xs = {0, 0.25, 0.5, 0.9, 1};
        for (double logit : LOGITS) {
            double[] l = new double[xs.length];
            java.util.Arrays.fill(l, logit);
            float[] got = logDensities(xs, l);
            for (int i = 0; i < xs.length; i++) {
                assertEquals(logDensity(xs[i], logit), got[i], 2e-5 * Math.max(1, Math.abs(logit)),
                        "log p(" + xs[i] + ") at logit " + logit);
            }
        }
        // lambda = 1/2 is the uniform density; lambda = 0.2 at x = 0 is C * 0.8 with C = 2 artanh(0.6) / 0.6.
        assertEquals(0.0, logDensities(new double[] {0.3}, new double[] {0})[0], 1e-7);
        double c = Math.log((1 + 0.6) / (1 - 0.6)) / 0.6;
        assertEquals(Math.log(c * 0.8), logDensities(new double[] {0}, new double[] {Math.log(0.25)})[0], 1e-6);
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheDefinition() {
        double[] xs = {0, 0.2, 0.5, 0.8, 1};
        double h = 1e-5;
        for (double x : xs) {
            NDArray logits = manager.create(toFloats(LOGITS), new Shape(1, LOGITS.length));
            logits.setRequiresGradient(true);
            double[] xRow = new double[LOGITS.length];
            java.util.Arrays.fill(xRow, x);
            NDArray target = manager.create(toFloats(xRow), new Shape(1, LOGITS.length));
            try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                collector.backward(new ContinuousBernoulli(logits).logProbElementwise(target).sum());
            }
            float[] gradient = logits.getGradient().toFloatArray();
            for (int i = 0; i < LOGITS.length; i++) {
                // Central differences of the definition at the float logit the tensor holds.
                double l = (float) LOGITS[i];
                double expected = (logDensity(x, l + h) - logDensity(x, l - h)) / (2 * h);
                assertEquals(expected, gradient[i], 1e-4, "d log p(" + x + ") / d logit at " + LOGITS[i]);
            }
        }
    }
}
