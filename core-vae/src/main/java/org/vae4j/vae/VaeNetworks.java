package org.vae4j.vae;

import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

import org.vae4j.dist.MixedLikelihood;
import org.vae4j.infer.Guide;
import org.vae4j.infer.Model;
import org.vae4j.nn.Mlp;
import org.vae4j.nn.TorchStyleInit;
import org.vae4j.preprocess.Preprocessor;

/**
 * Builds the guide and model a {@link VaeConfig} describes for data encoded by a {@link Preprocessor},
 * with initialised parameters. Training and model loading build networks the same way, so a saved model's
 * parameters always fit the networks they are loaded into.
 *
 * @param guide the inference network
 * @param model the generative model
 */
record VaeNetworks(Guide guide, Model model) {

    static VaeNetworks create(VaeConfig config, Preprocessor preprocessor, boolean maskInputs, NDManager manager,
            Random initRandom) {
        int dataWidth = preprocessor.layout().width();
        int conditionWidth = preprocessor.schema().conditionCardinality();
        int latent = config.latentDim();

        Block encoder = Mlp.of(config.encoderHidden(), 2 * latent);
        Guide guide = new Guide(encoder, latent, maskInputs);
        initialize(encoder, manager, guide.inputWidth(dataWidth, conditionWidth));

        Block decoder = Mlp.of(config.decoderHidden(), dataWidth);
        initialize(decoder, manager, latent + conditionWidth);

        Parameter logVariance = null;
        int gaussian = preprocessor.layout().gaussianWidth();
        if (gaussian > 0) {
            logVariance = Parameter.builder()
                    .setName("gaussian_log_variance")
                    .setType(Parameter.Type.OTHER)
                    .optShape(new Shape(gaussian))
                    .optInitializer(Initializer.ZEROS)
                    .build();
            logVariance.initialize(manager, DataType.FLOAT32);
        }
        TorchStyleInit.apply(encoder, initRandom);
        TorchStyleInit.apply(decoder, initRandom);
        Model model = new Model(decoder, new MixedLikelihood(preprocessor.layout()), logVariance);
        return new VaeNetworks(guide, model);
    }

    private static void initialize(Block block, NDManager manager, int inputWidth) {
        // Linear layers are re-drawn by TorchStyleInit; this initializer only gives the shapes arrays.
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputWidth));
    }
}
