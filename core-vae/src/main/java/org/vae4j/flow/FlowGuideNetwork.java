package org.vae4j.flow;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The block tree of a flow guide: the encoder, then the flow steps, so one block holds every trainable
 * parameter. Its forward pass is the encoder's; the steps act later, on draws, through the
 * {@link FlowDistribution}.
 */
final class FlowGuideNetwork extends AbstractBlock {

    private final Block encoder;
    private final List<FlowStep> steps;

    FlowGuideNetwork(Block encoder, List<FlowStep> steps) {
        this.encoder = addChildBlock("encoder", encoder);
        this.steps = steps;
        for (int i = 0; i < steps.size(); i++) {
            addChildBlock("flow" + i, steps.get(i));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return encoder.forward(parameters, inputs, training, params);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        for (FlowStep step : steps) {
            step.initialize(manager, dataType, new Shape(1, step.latentDim()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return encoder.getOutputShapes(inputShapes);
    }
}
