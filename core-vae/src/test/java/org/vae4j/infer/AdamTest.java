package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeKernels;

/**
 * Adam's rearranged update against the textbook recurrence (Kingma and Ba 2015, Algorithm 1) computed in
 * plain Java doubles, over steps whose gradients change sign and scale, on both paths (native kernel and
 * engine calls); and the two paths against each other, number for number.
 */
class AdamTest {

    @ParameterizedTest(name = "native kernel allowed: {0}")
    @ValueSource(booleans = {false, true})
    void followsTheTextbookRecurrence(boolean allowNativeKernel) {
        double lr = 0.01;
        double beta1 = 0.8;
        double beta2 = 0.95;
        double eps = 0.3; // large, so that a wrongly scaled epsilon shows
        double[] w = {0.5, -1.5, 2.0, 0.0};
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT)
                    .optArray(manager.create(toFloats(w))).build();
            parameter.getArray().setRequiresGradient(true);
            Adam adam = new Adam(List.of(parameter), lr, beta1, beta2, eps, allowNativeKernel);
            for (int t = 1; t <= 6; t++) {
                double c = t % 2 == 0 ? -3.0 / t : t; // loss sum(c * w^2 / 2 + w^3 / 3): gradient c w + w^2
                double[] g = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    g[i] = c * w[i] + w[i] * w[i];
                }
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray x = parameter.getArray();
                    try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                        NDArray loss = x.square().mul(manager.full(new Shape(), (float) (c / 2)))
                                .add(x.pow(manager.full(new Shape(), 3f)).div(manager.full(new Shape(), 3f))).sum();
                        collector.backward(loss);
                    }
                    Engines.withoutGradients(() -> {
                        adam.step();
                        return null;
                    });
                }
                for (int i = 0; i < w.length; i++) {
                    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                    double mHat = m[i] / (1 - Math.pow(beta1, t));
                    double vHat = v[i] / (1 - Math.pow(beta2, t));
                    w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                }
                float[] actual = parameter.getArray().toFloatArray();
                for (int i = 0; i < w.length; i++) {
                    assertEquals(w[i], actual[i], 1e-5, "step " + t + ", element " + i);
                }
                float[] gradient = parameter.getArray().getGradient().toFloatArray();
                for (float gi : gradient) {
                    assertEquals(0f, gi, 0f, "the step leaves a zero gradient for the next backward pass");
                }
            }
            assertEquals(6, adam.steps());
        }
    }

    /**
     * The native kernel against the engine calls, step by step, on a parameter large enough to be split
     * over the engine's threads and with gradients that vary in sign and scale over six orders of magnitude.
     * They differ only where the engine's vectorised square root is off by one unit in the last place
     * (the kernel's is correctly rounded), which moves an update of about 1e-3 by about 1e-10: far below
     * the tolerance, which is far below what a wrong constant or a skipped moment update would do.
     */
    @Test
    void nativeKernelGivesTheEngineCallsNumbers() {
        assumeTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        int size = 100_003; // not a whole number of cache lines, so the last share is ragged
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            NDArray start = manager.randomNormal(new Shape(size));
            Parameter[] twins = new Parameter[2];
            Adam[] adams = new Adam[2];
            for (int k = 0; k < 2; k++) {
                twins[k] = Parameter.builder().setName("w" + k).setType(Parameter.Type.WEIGHT)
                        .optArray(start.duplicate()).build();
                twins[k].getArray().setRequiresGradient(true);
                adams[k] = new Adam(List.of(twins[k]), 1e-3, 0.9, 0.999, 1e-8, k == 1);
            }
            for (int t = 1; t <= 5; t++) {
                NDArray target = manager.randomNormal(new Shape(size))
                        .mul(manager.randomUniform(-6, 0, new Shape(size)).exp());
                for (int k = 0; k < 2; k++) {
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        NDArray x = twins[k].getArray();
                        try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                            collector.backward(x.sub(target).square().sum());
                        }
                        Adam adam = adams[k];
                        Engines.withoutGradients(() -> {
                            adam.step();
                            return null;
                        });
                    }
                }
                assertArrayEquals(twins[0].getArray().toFloatArray(), twins[1].getArray().toFloatArray(), 2e-6f,
                        "weights after step " + t);
                assertArrayEquals(twins[0].getArray().getGradient().toFloatArray(),
                        twins[1].getArray().getGradient().toFloatArray(), "gradients after step " + t);
            }
            assertNotEquals(start.getFloat(0), twins[1].getArray().getFloat(0), "the kernel moved the weights");
        }
    }

    @Test
    void rejectsBadHyperparameters() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(), 1e-3, 1.0, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(), 1e-3, 0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(), 1e-3, 0.9, 0.999, 0));
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
