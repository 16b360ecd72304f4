package org.vae4j.nn;

import java.util.List;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * Builds multi-layer perceptrons: hidden fully connected layers with ReLU, then a linear output layer.
 * With no hidden layer the network is linear (what probabilistic PCA needs).
 */
public final class Mlp {

    private Mlp() {}

    /**
     * A perceptron {@code in -> hidden[0] -> ... -> out}; the input width is fixed at initialisation.
     *
     * @param hidden widths of the hidden layers (may be empty)
     * @param out width of the output layer
     */
    public static Block of(List<Integer> hidden, int out) {
        SequentialBlock block = new SequentialBlock();
        for (int width : hidden) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(Activation.reluBlock());
        }
        block.add(Linear.builder().setUnits(out).build());
        return block;
    }
}
