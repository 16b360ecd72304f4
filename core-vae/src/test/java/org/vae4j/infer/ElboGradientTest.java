package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vae4j.engine.Engines;
import org.vae4j.flow.FlowGuide;
import org.vae4j.flow.InverseAutoregressiveFlow;
import org.vae4j.flow.PlanarFlow;
import org.vae4j.flow.RadialFlow;
import org.vae4j.nn.Mlp;
import org.vae4j.nn.WeightInit;

/**
 * Back-propagated gradients of every bound (beta-TCVAE's decomposed KL too), through guide, reparameterised sample and a mixed
 * likelihood, against central finite differences of the same objective with the same noise; for the
 * sampled bounds also through a flow guide.
 */
class ElboGradientTest {

    private SmallMixedVae vae;
    private Guide guide;
    private List<Parameter> parameters;

    @BeforeEach
    void build() {
        vae = new SmallMixedVae();
        guide = vae.guide;
        parameters = vae.parameters;
    }

    @AfterEach
    void close() {
        vae.close();
    }

    private double loss(Bound bound) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return bound.loss(guide, vae.model, vae.store(), vae.batch, new NoiseSource(11), 0.7)
                    .getFloat();
        }
    }

    private List<float[]> gradients(Bound bound) {
        List<float[]> grads = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Engine engine = Engines.pytorch();
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray loss = bound.loss(guide, vae.model, vae.store(), vae.batch, new NoiseSource(11), 0.7);
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

    private static Bound bound(String name) {
        return switch (name) {
            case "analytic" -> new AnalyticKlElbo();
            case "free-bits" -> new AnalyticKlElbo(0.05);
            case "monte-carlo" -> new MonteCarloElbo();
            case "importance-weighted" -> new ImportanceWeightedBound(4);
            case "renyi-half" -> new RenyiBound(0.5, 4);
            case "renyi-near-one" -> new RenyiBound(1 - 1e-7, 4);
            case "tcvae-mws" -> new DecomposedKlElbo(2, 6, 0.5, MinibatchEstimator.MWS, 10);
            case "tcvae-mss" -> new DecomposedKlElbo(2, 6, 0.5, MinibatchEstimator.MSS, 10);
            default -> new RenyiBound(2.5, 4);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"analytic", "free-bits", "monte-carlo", "importance-weighted", "renyi-half",
        "renyi-near-one", "renyi-above-one", "tcvae-mws", "tcvae-mss"})
    void backPropagatedGradientsMatchFiniteDifferences(String name) {
        assertGradientsMatchFiniteDifferences(name, bound(name), 5);
    }

    /** The same through a flow guide with a step of each kind, IAF reading the encoder's context. */
    @ParameterizedTest
    @ValueSource(strings = {"monte-carlo", "importance-weighted", "renyi-half"})
    void gradientsThroughAFlowGuideMatchFiniteDifferences(String name) {
        FlowGuide flow = new FlowGuide(Mlp.of(List.of(4), 2 * 2 + 3), 2, 3, false, List.of(new PlanarFlow(2),
                new RadialFlow(2), new InverseAutoregressiveFlow(2, 3, 4, false),
                new InverseAutoregressiveFlow(2, 3, 4, true)));
        flow.network().setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        flow.network().initialize(vae.manager, DataType.FLOAT32, new Shape(1, 6));
        WeightInit.TORCH_UNIFORM.apply(flow.network(), new Random(5));
        guide = flow;
        parameters = new ArrayList<>(flow.parameters());
        parameters.addAll(vae.model.parameters());
        assertGradientsMatchFiniteDifferences(name + " through flows", bound(name), 2);
    }

    /** Checks about {@code entriesPerParameter} entries of every parameter. */
    private void assertGradientsMatchFiniteDifferences(String name, Bound bound, int entriesPerParameter) {
        List<float[]> analytic = gradients(bound);
        double h = 1e-3;
        int checked = 0;
        double largest = 0;
        for (int p = 0; p < parameters.size(); p++) {
            NDArray array = parameters.get(p).getArray();
            float[] values = array.toFloatArray();
            int step = Math.max(1, values.length / entriesPerParameter);
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
