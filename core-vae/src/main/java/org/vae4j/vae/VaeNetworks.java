package org.vae4j.vae;

import java.util.ArrayList;
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
import org.vae4j.flow.FlowGuide;
import org.vae4j.infer.Prior;
import org.vae4j.nn.GatedDense;
import org.vae4j.nn.LogVarianceClamp;
import org.vae4j.nn.Mlp;
import org.vae4j.options.OptionValues;
import org.vae4j.preprocess.Preprocessor;
import org.vae4j.vae.components.GuideType;
import org.vae4j.vae.components.NetworkWidths;
import org.vae4j.vae.components.PriorType;

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
     * Checks, before anything is allocated, that the networks the configuration describes for this data stay
     * within {@link ParameterShapes#MAX_PARAMETER_BYTES}: the encoder and decoder, the guide's own parameters
     * and the prior's.
     *
     * @throws InvalidOptionException naming the option that makes them too large
     */
    static void checkSize(VaeConfig config, Preprocessor preprocessor, boolean maskInputs) {
        NetworkWidths widths = widths(config, preprocessor, maskInputs);
        GuideType guideType = (GuideType) config.guide().type();
        PriorType priorType = (PriorType) config.prior().type();
        List<ParameterShapes.Tensor> shapes = new ArrayList<>(shapes(config, preprocessor, maskInputs));
        shapes.add(new ParameterShapes.Tensor("the guide's own parameters", VaeOptions.GUIDE.name(),
                new long[] {guideType.addedParameters(config.guide().options(), widths)}));
        shapes.add(new ParameterShapes.Tensor("the prior's parameters", VaeOptions.PRIOR.name(),
                new long[] {priorType.parameters(config.prior().options(), widths)}));
        ParameterShapes.checkSize(shapes);
    }

    private static NetworkWidths widths(VaeConfig config, Preprocessor preprocessor, boolean maskInputs) {
        int dataWidth = preprocessor.layout().width();
        int conditionWidth = preprocessor.schema().conditionCardinality();
        List<Integer> hidden = config.encoderHidden();
        return new NetworkWidths(config.latentDim(), dataWidth, conditionWidth, maskInputs,
                hidden.isEmpty() ? guideInput(dataWidth, conditionWidth, maskInputs) : hidden.get(hidden.size() - 1));
    }

    /** The width of the guide's input: the row, its observation mask if read, its condition. */
    private static int guideInput(int dataWidth, int conditionWidth, boolean maskInputs) {
        return dataWidth * (maskInputs ? 2 : 1) + conditionWidth;
    }

    /**
     * Builds and initialises the networks, the guide and prior being the components the configuration names.
     *
     * @throws InvalidOptionException if the networks would exceed {@link ParameterShapes#MAX_PARAMETER_BYTES}
     *     for this data (checked before anything is allocated)
     */
    static VaeNetworks create(VaeConfig config, Preprocessor preprocessor, boolean maskInputs, NDManager manager,
            Random initRandom) {
        checkSize(config, preprocessor, maskInputs);
        NetworkWidths widths = widths(config, preprocessor, maskInputs);
        int dataWidth = widths.dataWidth();
        int conditionWidth = widths.conditionWidth();
        int latent = widths.latentDim();
        GuideType guideType = (GuideType) config.guide().type();
        OptionValues guideOptions = config.guide().options();
        PriorType priorType = (PriorType) config.prior().type();

        SequentialBlock encoder = Mlp.of(config.encoderHidden(), 2 * latent + guideType.contextWidth(guideOptions),
                config.hiddenLayer());
        if (config.clampLogVariance()) {
            encoder.add(new LogVarianceClamp(latent));
        }
        Guide guide = guideType.create(guideOptions, encoder, widths);
        initialize(guide.network(), manager, guideInput(dataWidth, conditionWidth, maskInputs));

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
        config.weightInit().apply(guide.network(), initRandom);
        config.weightInit().apply(decoder, initRandom);
        Prior prior = priorType.create(config.prior().options(), guide, widths, manager, initRandom);
        Model model = new Model(prior, decoder, new MixedLikelihood(preprocessor.layout()), logVariance);
        return new VaeNetworks(guide, model);
    }

    /**
     * Every parameter by its model-file name: the encoder's layers, then a flow's steps (or, for a guide of
     * another kind, its parameters under their DJL names), the decoder's layers, the Gaussian noise parameter,
     * and the prior's.
     */
    Map<String, Parameter> named() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        if (guide instanceof GaussianGuide gaussian) {
            addLayers(named, "encoder", gaussian.network());
        } else if (guide instanceof FlowGuide flow) {
            addLayers(named, "encoder", flow.base().network());
            for (int i = 0; i < flow.steps().size(); i++) {
                String prefix = "guide.flow" + i + ".";
                flow.steps().get(i).getParameters().forEach(p -> named.put(prefix + p.getKey(), p.getValue()));
            }
        } else {
            guide.network().getParameters().forEach(p -> named.put("guide." + p.getKey(), p.getValue()));
        }
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
