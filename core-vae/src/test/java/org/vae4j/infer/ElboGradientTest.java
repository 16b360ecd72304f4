package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vae4j.engine.Engines;

/**
 * Back-propagated gradients of every bound, through guide, reparameterised sample and a mixed
 * likelihood, against central finite differences of the same objective with the same noise.
 */
class ElboGradientTest {

    private SmallMixedVae vae;
    private List<Parameter> parameters;

    @BeforeEach
    void build() {
        vae = new SmallMixedVae();
        parameters = vae.parameters;
    }

    @AfterEach
    void close() {
        vae.close();
    }

    private double loss(Bound bound) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return bound.loss(vae.guide, vae.model, vae.store(), vae.batch, new NoiseSource(11), 0.7)
                    .getFloat();
        }
    }

    private List<float[]> gradients(Bound bound) {
        List<float[]> grads = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Engine engine = Engines.pytorch();
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray loss = bound.loss(vae.guide, vae.model, vae.store(), vae.batch, new NoiseSource(11), 0.7);
                collector.backward(loss);
            }
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                grads.add(g.toFloatArray());
                g.subi(g);
            }
        }
        return grads;
    }

    @ParameterizedTest
    @ValueSource(strings = {"analytic", "free-bits", "monte-carlo", "importance-weighted", "renyi-half",
        "renyi-near-one", "renyi-above-one"})
    void backPropagatedGradientsMatchFiniteDifferences(String name) {
        Bound bound = switch (name) {
            case "analytic" -> new AnalyticKlElbo();
            case "free-bits" -> new AnalyticKlElbo(0.05);
            case "monte-carlo" -> new MonteCarloElbo();
            case "importance-weighted" -> new ImportanceWeightedBound(4);
            case "renyi-half" -> new RenyiBound(0.5, 4);
            case "renyi-near-one" -> new RenyiBound(1 - 1e-7, 4);
            default -> new RenyiBound(2.5, 4);
        };
        List<float[]> analytic = gradients(bound);
        double h = 1e-3;
        int checked = 0;
        double largest = 0;
        for (int p = 0; p < parameters.size(); p++) {
            NDArray array = parameters.get(p).getArray();
            float[] values = array.toFloatArray();
            int step = Math.max(1, values.length / 5);
            for (int i = 0; i < values.length; i += step) {
                float original = values[i];
                values[i] = (float) (original + h);
                array.set(FloatBuffer.wrap(values));
                double up = loss(bound);
                values[i] = (float) (original - h);
                array.set(FloatBuffer.wrap(values));
                double down = loss(bound);
                values[i] = original;
                array.set(FloatBuffer.wrap(values));
                double numeric = (up - down) / (2 * h);
                double backprop = analytic.get(p)[i];
                assertEquals(numeric, backprop, 2e-2 + 2e-2 * Math.abs(numeric),
                        name + ": parameter " + parameters.get(p).getName() + "[" + i + "]");
                largest = Math.max(largest, Math.abs(backprop));
                checked++;
            }
        }
        assertTrue(checked > 30, "checked " + checked + " entries");
        assertTrue(largest > 1e-2, "gradients are not all zero");
    }
}
