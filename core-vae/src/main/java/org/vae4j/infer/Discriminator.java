package org.vae4j.infer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;
import org.vae4j.nn.WeightInit;

/**
 * FactorVAE's discriminator: a perceptron of {@code depth} fully connected layers of {@code width} units with
 * LeakyReLU(0.2), then two logits, class 0 for "a draw of q(z)" and class 1 for "a draw of the product of its
 * marginals". It exists only while training runs; its parameters are named {@code discriminator.layerN.weight}
 * and {@code .bias}, N counting the fully connected layers from 0.
 */
final class Discriminator {

    private static final float LEAKY_SLOPE = 0.2f;

    private final SequentialBlock network = new SequentialBlock();
    private final Map<String, Parameter> named = new LinkedHashMap<>();

    /** A discriminator over codes of {@code latentDim} dimensions, initialised from {@code random} in {@code memory}. */
    Discriminator(int latentDim, int width, int depth, NDManager memory, Random random) {
        for (int layer = 0; layer < depth; layer++) {
            network.add(Linear.builder().setUnits(width).build());
            network.add(Activation.leakyReluBlock(LEAKY_SLOPE));
        }
        network.add(Linear.builder().setUnits(2).build());
        network.initialize(memory, DataType.FLOAT32, new Shape(1, latentDim));
        WeightInit.TORCH_UNIFORM.apply(network, random);
        int layer = 0;
        for (var child : network.getChildren().values()) {
            if (child instanceof Linear linear) {
                named.put("discriminator.layer" + layer + ".weight", linear.getParameters().get("weight"));
                named.put("discriminator.layer" + layer + ".bias", linear.getParameters().get("bias"));
                layer++;
            }
        }
    }

    /** The parameters by name, in layer order. */
    Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(named);
    }

    /** log D(z) - log(1 - D(z)) of each code (B, M): the density-ratio estimate of log q(z) / prod_j q(z_j). */
    NDArray logOdds(ParameterStore parameters, NDArray z) {
        NDArray logits = logits(parameters, z);
        return logits.get(":, 0").sub(logits.get(":, 1"));
    }

    /**
     * The cross-entropy of classifying {@code joint} as class 0 and {@code permuted} as class 1, each averaged
     * over its rows and the two halves averaged.
     */
    NDArray loss(ParameterStore parameters, NDArray joint, NDArray permuted) {
        NDArray jointLogProb = logits(parameters, joint).logSoftmax(1).get(":, 0").mean();
        NDArray permutedLogProb = logits(parameters, permuted).logSoftmax(1).get(":, 1").mean();
        NDArray sum = jointLogProb.add(permutedLogProb);
        return sum.mul(NativeArrays.scalar(sum, -0.5f));
    }

    private NDArray logits(ParameterStore parameters, NDArray z) {
        return network.forward(parameters, new NDList(z), true).singletonOrThrow();
    }
}
