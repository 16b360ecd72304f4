package org.vae4j.infer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.dist.MixedLikelihood;
import org.vae4j.engine.Engines;
import org.vae4j.nn.Mlp;
import org.vae4j.nn.WeightInit;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * A tiny VAE for the bound tests: two Gaussian, one binary and one categorical column, a 2-D latent,
 * one hidden layer of 4 units in guide and decoder, and a batch of three rows with missing cells.
 */
final class SmallMixedVae implements AutoCloseable {

    final NDManager manager = Engines.pytorch().newBaseManager();
    final Guide guide;
    final Model model;
    final Batch batch;
    /** Every parameter of guide and model, the learned Gaussian log-variance last. */
    final List<Parameter> parameters = new ArrayList<>();

    SmallMixedVae() {
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
        WeightInit.TORCH_UNIFORM.apply(encoder, random);
        WeightInit.TORCH_UNIFORM.apply(decoder, random);
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
        encoder.getParameters().values().forEach(parameters::add);
        decoder.getParameters().values().forEach(parameters::add);
        parameters.add(logVariance);
    }

    /** A fresh parameter store over this model's memory. */
    ParameterStore store() {
        return new ParameterStore(manager, false);
    }

    @Override
    public void close() {
        manager.close();
    }

    /** A copy of each parameter's current values, to compare after a step. */
    static List<float[]> valuesOf(List<Parameter> parameters) {
        List<float[]> list = new ArrayList<>();
        parameters.forEach(p -> list.add(p.getArray().toFloatArray()));
        return list;
    }
}
