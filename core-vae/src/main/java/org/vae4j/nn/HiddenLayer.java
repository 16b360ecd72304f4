package org.vae4j.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** The kind of hidden layer a perceptron is built from. */
public enum HiddenLayer {
    /** A fully connected layer followed by a ReLU. */
    RELU,
    /** A {@link GatedDense} layer, as in the density-estimation networks of the VampPrior paper. */
    GATED;

    /** Appends one hidden layer of this kind with {@code width} units to {@code block}. */
    void appendTo(SequentialBlock block, int width) {
        switch (this) {
            case RELU -> {
                block.add(Linear.builder().setUnits(width).build());
                block.add(Activation.reluBlock());
            }
            case GATED -> block.add(new GatedDense(width));
        }
    }
}
