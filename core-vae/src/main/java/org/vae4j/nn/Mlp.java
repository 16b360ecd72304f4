package org.vae4j.nn;

import java.util.List;

import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * Builds multi-layer perceptrons: hidden layers (ReLU or gated, see {@link HiddenLayer}), then a linear
 * output layer. With no hidden layer the network is linear (what probabilistic PCA needs).
 */
public final class Mlp {

    private Mlp() {}

    /**
     * A ReLU perceptron {@code in -> hidden[0] -> ... -> out}; the input width is fixed at initialisation.
     *
     * @param hidden widths of the hidden layers (may be empty)
     * @param out width of the output layer
     */
    public static SequentialBlock of(List<Integer> hidden, int out) {
        return of(hidden, out, HiddenLayer.RELU);
    }

    /**
     * A perceptron {@code in -> hidden[0] -> ... -> out} with hidden layers of the given kind.
     *
     * @param hidden widths of the hidden layers (may be empty)
     * @param out width of the output layer
     * @param kind the kind of every hidden layer
     */
    public static SequentialBlock of(List<Integer> hidden, int out, HiddenLayer kind) {
        SequentialBlock block = new SequentialBlock();
        for (int width : hidden) {
            kind.appendTo(block, width);
        }
        block.add(Linear.builder().setUnits(out).build());
        return block;
    }
}
