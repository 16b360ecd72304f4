package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.dist.MixedLikelihood;
import org.vae4j.engine.Engines;
import org.vae4j.nn.Mlp;
import org.vae4j.nn.TorchStyleInit;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * Back-propagated gradients of every objective, through guide, reparameterised sample and a mixed
 * likelihood, against central finite differences of the same objective with the same noise.
 */
class ElboGradientTest {

    private NDManager manager;
    private Guide guide;
    private Model model;
    private Batch batch;
    private List<Parameter> parameters;

    @BeforeEach
    void build() {
        manager = Engines.pytorch().newBaseManager();
        Schema schema = Schema.of(List.of(Column.numeric("n1"), Column.numeric("n2"), Column.binary("b"),
                Column.categorical("c", List.of("x", "y", "z"))));
        EncodedLayout layout = new EncodedLayout(schema, NumericLikelihood.GAUSSIAN);
        Random random = new Random(3);
        Block encoder = Mlp.of(List.of(4), 4);
        Block decoder = Mlp.of(List.of(4), layout.width());
        for (Block b : List.of(encoder, decoder)) {
            b.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        }
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, layout.width()));
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        TorchStyleInit.apply(encoder, random);
        TorchStyleInit.apply(decoder, random);
        Parameter logVariance = Parameter.builder().setName("lv").setType(Parameter.Type.OTHER)
                .optShape(new Shape(2)).optInitializer(Initializer.ZEROS).build();
        logVariance.initialize(manager, DataType.FLOAT32);
        logVariance.getArray().set(FloatBuffer.wrap(new float[] {0.2f, -0.3f}));
        guide = new GaussianGuide(encoder, 2, false);
        model = new Model(new StandardNormalPrior(2), decoder, new MixedLikelihood(layout), logVariance);
        // rows: n1, n2, b, one-hot c
        float[] x = {0.5f, -1.2f, 1, 0, 1, 0, -0.3f, 0.8f, 0, 1, 0, 0, 1.1f, 0.1f, 1, 0, 0, 1};
        float[] mask = {1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1};
        batch = new Batch(manager.create(x, new Shape(3, 6)), manager.create(mask, new Shape(3, 6)), null);
        parameters = new ArrayList<>();
        encoder.getParameters().values().forEach(parameters::add);
        decoder.getParameters().values().forEach(parameters::add);
        parameters.add(logVariance);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private double loss(Objective objective) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return objective.loss(guide, model, new ParameterStore(manager, false), batch, new NoiseSource(11), 0.7)
                    .getFloat();
        }
    }

    private List<float[]> gradients(Objective objective) {
        List<float[]> grads = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Engine engine = Engines.pytorch();
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray loss = objective.loss(guide, model, new ParameterStore(manager, false), batch,
                        new NoiseSource(11), 0.7);
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
    @ValueSource(strings = {"analytic", "free-bits", "monte-carlo", "importance-weighted"})
    void backPropagatedGradientsMatchFiniteDifferences(String name) {
        Objective objective = switch (name) {
            case "analytic" -> new AnalyticKlElbo();
            case "free-bits" -> new AnalyticKlElbo(0.05);
            case "monte-carlo" -> new MonteCarloElbo();
            default -> new ImportanceWeightedBound(4);
        };
        List<float[]> analytic = gradients(objective);
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
                double up = loss(objective);
                values[i] = (float) (original - h);
                array.set(FloatBuffer.wrap(values));
                double down = loss(objective);
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
