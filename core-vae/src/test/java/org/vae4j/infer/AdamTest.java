package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.vae4j.engine.Engines;

/**
 * Adam's rearranged update against the textbook recurrence (Kingma and Ba 2015, Algorithm 1) computed in
 * plain Java doubles, over steps whose gradients change sign and scale.
 */
class AdamTest {

    @Test
    void followsTheTextbookRecurrence() {
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
            Adam adam = new Adam(List.of(parameter), lr, beta1, beta2, eps);
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
