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
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;

import org.vae4j.dist.MixedLikelihood;
import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Guide;
import org.vae4j.infer.Model;
import org.vae4j.infer.Prior;
import org.vae4j.nn.GatedDense;
import org.vae4j.nn.LogVarianceClamp;
import org.vae4j.nn.Mlp;
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
        return create(config, preprocessor, maskInputs, manager, initRandom, PriorFactory.STANDARD_NORMAL);
    }

    /**
     * Builds and initialises the networks with the prior {@code priors} makes (its initial values drawn
     * after the networks').
     */
    static VaeNetworks create(VaeConfig config, Preprocessor preprocessor, boolean maskInputs, NDManager manager,
            Random initRandom, PriorFactory priors) {
        ParameterShapes.checkSize(shapes(config, preprocessor, maskInputs));
        int dataWidth = preprocessor.layout().width();
        int conditionWidth = preprocessor.schema().conditionCardinality();
        int latent = config.latentDim();

        SequentialBlock encoder = Mlp.of(config.encoderHidden(), 2 * latent, config.hiddenLayer());
        if (config.clampLogVariance()) {
            encoder.add(new LogVarianceClamp(latent));
        }
        GaussianGuide guide = new GaussianGuide(encoder, latent, maskInputs);
        initialize(encoder, manager, guide.inputWidth(dataWidth, conditionWidth));

        Block decoder = Mlp.of(config.decoderHidden(), dataWidth, config.hiddenLayer());
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
        config.weightInit().apply(encoder, initRandom);
        config.weightInit().apply(decoder, initRandom);
        Prior prior = priors.create(guide, dataWidth, conditionWidth, manager, initRandom);
        Model model = new Model(prior, decoder, new MixedLikelihood(preprocessor.layout()), logVariance);
        return new VaeNetworks(guide, model);
    }

    /**
     * Every parameter by its model-file name, in the order {@link #shapes} lists them, then a learned
     * prior's (which {@link #shapes} does not list yet, so a file holding them is refused on loading rather
     * than read with the prior lost).
     */
    Map<String, Parameter> named() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        addLayers(named, "encoder", guide.network());
        addLayers(named, "decoder", model.decoder());
        if (model.gaussianLogVariance() != null) {
            named.put(GAUSSIAN_LOG_VARIANCE, model.gaussianLogVariance());
        }
        model.prior().parameters().forEach(parameter -> named.put(parameter.getName(), parameter));
        return named;
    }

    private static void addLayers(Map<String, Parameter> named, String network, Block perceptron) {
        int layer = 0;
        for (Block child : perceptron.getChildren().values()) {
            String prefix = network + ".layer" + layer;
            if (child instanceof Linear linear) {
                addLinear(named, prefix, linear);
                layer++;
            } else if (child instanceof GatedDense gated) {
                addLinear(named, prefix + "." + GatedDense.VALUE, gated.value());
                addLinear(named, prefix + "." + GatedDense.GATE, gated.gate());
                layer++;
            }
        }
    }

    private static void addLinear(Map<String, Parameter> named, String prefix, Linear linear) {
        named.put(prefix + ".weight", linear.getParameters().get("weight"));
        named.put(prefix + ".bias", linear.getParameters().get("bias"));
    }

    private static void initialize(Block block, NDManager manager, int inputWidth) {
        // Linear layers are re-drawn by the configured WeightInit; this initializer only gives the shapes arrays.
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputWidth));
    }
}
