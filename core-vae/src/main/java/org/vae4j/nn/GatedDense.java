package org.vae4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A gated fully connected layer (Dauphin et al. 2017, used by the VampPrior's networks):
 * {@code (W1 x + b1) * sigmoid(W2 x + b2)}. The sigmoid gate lets each unit scale its own linear response
 * between 0 and 1, which trains deeper density models better than a ReLU layer of the same width.
 * It has two {@link Linear} children, {@value #VALUE} and {@value #GATE}, each with a weight and a bias.
 */
public final class GatedDense extends AbstractBlock {

    /** The child whose output is gated. */
    public static final String VALUE = "value";
    /** The child whose sigmoid is the gate. */
    public static final String GATE = "gate";

    private static final byte VERSION = 1;

    private final Linear value;
    private final Linear gate;

    /** A gated layer with {@code units} outputs; the input width is fixed at initialisation. */
    public GatedDense(int units) {
        super(VERSION);
        value = addChildBlock(VALUE, Linear.builder().setUnits(units).build());
        gate = addChildBlock(GATE, Linear.builder().setUnits(units).build());
    }

    /** The linear map whose output is gated, W1 x + b1. */
    public Linear value() {
        return value;
    }

    /** The linear map under the sigmoid, W2 x + b2. */
    public Linear gate() {
        return gate;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray h = value.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray g = gate.forward(parameterStore, inputs, training, params).singletonOrThrow();
        return new NDList(h.mul(Activation.sigmoid(g)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        value.initialize(manager, dataType, inputShapes);
        gate.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return value.getOutputShapes(inputShapes);
    }
}
