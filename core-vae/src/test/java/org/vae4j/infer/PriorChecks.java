package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.Engines;

/**
 * Plain-Java ground truth for the learned priors' tests: Gaussian-mixture densities computed term by term
 * in double precision, and central finite differences of a prior's log-density.
 */
final class PriorChecks {

    private PriorChecks() {}

    /**
     * log sum_k w_k N(z; mu_k, diag exp(logvar_k)), computed directly (no log-sum-exp), in double.
     *
     * @param means (K, M) row-major
     * @param logVariances (K, M) row-major
     */
    static double logMixture(double[] z, float[] means, float[] logVariances, double[] weights) {
        int m = z.length;
        double density = 0;
        for (int k = 0; k < weights.length; k++) {
            double logNormal = 0;
            for (int j = 0; j < m; j++) {
                double variance = Math.exp(logVariances[k * m + j]);
                double d = z[j] - means[k * m + j];
                logNormal += -0.5 * (Math.log(2 * Math.PI * variance) + d * d / variance);
            }
            density += weights[k] * Math.exp(logNormal);
        }
        return Math.log(density);
    }

    /** z as a (rows, M) array. */
    static NDArray codes(NDManager manager, double[][] z) {
        float[] flat = new float[z.length * z[0].length];
        for (int r = 0; r < z.length; r++) {
            for (int j = 0; j < z[r].length; j++) {
                flat[r * z[r].length + j] = (float) z[r][j];
            }
        }
        return manager.create(flat, new Shape(z.length, z[0].length));
    }

    /** The sum over rows of a log-density, as a double. */
    static double total(Function<ParameterStore, NDArray> logProb, NDManager manager) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return logProb.apply(new ParameterStore(manager, false)).sum().getFloat();
        }
    }

    /**
     * Checks the back-propagated gradient of the summed log-density with respect to every entry of
     * {@code parameter} against a central finite difference.
     */
    static void assertGradientMatchesFiniteDifferences(Parameter parameter, Function<ParameterStore, NDArray> logProb,
            NDManager manager) {
        float[] gradient;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray stale = parameter.getArray().getGradient();
            stale.subi(stale); // backward passes add to what earlier ones left
            Engine engine = Engines.pytorch();
            try (GradientCollector collector = engine.newGradientCollector()) {
                collector.backward(logProb.apply(new ParameterStore(manager, false)).sum());
            }
            gradient = parameter.getArray().getGradient().toFloatArray();
        }
        NDArray array = parameter.getArray();
        float[] values = array.toFloatArray();
        double h = 1e-2;
        double largest = 0;
        for (int i = 0; i < values.length; i++) {
            float original = values[i];
            DoubleSupplier at = () -> total(logProb, manager);
            values[i] = (float) (original + h);
            array.set(FloatBuffer.wrap(values));
            double up = at.getAsDouble();
            values[i] = (float) (original - h);
            array.set(FloatBuffer.wrap(values));
            double down = at.getAsDouble();
            values[i] = original;
            array.set(FloatBuffer.wrap(values));
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gradient[i], 1e-2 + 1e-2 * Math.abs(numeric),
                    parameter.getName() + "[" + i + "]");
            largest = Math.max(largest, Math.abs(gradient[i]));
        }
        assertTrue(largest > 1e-2, parameter.getName() + ": gradients are not all zero");
    }
}
