package org.vae4j.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;

import org.vae4j.dist.MixedLikelihood;
import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Guide;
import org.vae4j.infer.Model;
import org.vae4j.infer.StandardNormalPrior;
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

    /** The model-file name of the Gaussian columns' learned log-variance. */
    static final String GAUSSIAN_LOG_VARIANCE = "gaussianLogVariance";

    /**
     * The parameter tensors the networks have for data encoded by {@code preprocessor}, named and in the
     * order of {@link #named()}.
     */
    static List<ParameterShapes.Tensor> shapes(VaeConfig config, Preprocessor preprocessor, boolean maskInputs) {
        return ParameterShapes.of(config, preprocessor.layout().width(), preprocessor.schema().conditionCardinality(),
                maskInputs, preprocessor.layout().gaussianWidth());
    }

    /**
     * Builds and initialises the networks.
     *
     * @throws InvalidOptionException if the networks would exceed {@link ParameterShapes#MAX_PARAMETER_BYTES}
     *     for this data (checked before anything is allocated)
     */
    static VaeNetworks create(VaeConfig config, Preprocessor preprocessor, boolean maskInputs, NDManager manager,
            Random initRandom) {
        ParameterShapes.checkSize(shapes(config, preprocessor, maskInputs));
        int dataWidth = preprocessor.layout().width();
        int conditionWidth = preprocessor.schema().conditionCardinality();
        int latent = config.latentDim();

        Block encoder = Mlp.of(config.encoderHidden(), 2 * latent);
        GaussianGuide guide = new GaussianGuide(encoder, latent, maskInputs);
        initialize(encoder, manager, guide.inputWidth(dataWidth, conditionWidth));

        Block decoder = Mlp.of(config.decoderHidden(), dataWidth);
        initialize(decoder, manager, latent + conditionWidth);

        Parameter logVariance = null;
        int gaussian = preprocessor.layout().gaussianWidth();
        if (gaussian > 0) {
            logVariance = Parameter.builder()
                    .setName(GAUSSIAN_LOG_VARIANCE)
                    .setType(Parameter.Type.OTHER)
                    .optShape(new Shape(gaussian))
                    .optInitializer(Initializer.ZEROS)
                    .build();
            logVariance.initialize(manager, DataType.FLOAT32);
        }
        TorchStyleInit.apply(encoder, initRandom);
        TorchStyleInit.apply(decoder, initRandom);
        Model model = new Model(new StandardNormalPrior(latent), decoder, new MixedLikelihood(preprocessor.layout()),
                logVariance);
        return new VaeNetworks(guide, model);
    }

    /** Every parameter by its model-file name, in the order {@link #shapes} lists them. */
    Map<String, Parameter> named() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        addLayers(named, "encoder", guide.network());
        addLayers(named, "decoder", model.decoder());
        if (model.gaussianLogVariance() != null) {
            named.put(GAUSSIAN_LOG_VARIANCE, model.gaussianLogVariance());
        }
        return named;
    }

    private static void addLayers(Map<String, Parameter> named, String network, Block perceptron) {
        int layer = 0;
        for (Block child : perceptron.getChildren().values()) {
            if (child instanceof Linear linear) {
                named.put(network + ".layer" + layer + ".weight", linear.getParameters().get("weight"));
                named.put(network + ".layer" + layer + ".bias", linear.getParameters().get("bias"));
                layer++;
            }
        }
    }

    private static void initialize(Block block, NDManager manager, int inputWidth) {
        // Linear layers are re-drawn by TorchStyleInit; this initializer only gives the shapes arrays.
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputWidth));
    }
}
