package org.vae4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * A MADE network (Germain et al. 2015) with two masked hidden layers and an unmasked context input, as
 * inverse autoregressive flow uses it (Kingma et al. 2016): from variables z (..., B, M) and a context
 * h (B, C) it computes blocks of M outputs, (..., B, k M), where the outputs of variable i depend on h and
 * on the variables before i in the network's order only. The context enters the first hidden layer through
 * an ordinary linear map, broadcast over any leading axes of z (several draws per row share their row's
 * context).
 */
public final class AutoregressiveNetwork extends AbstractBlock {

    private final int variables;
    private final int contextWidth;
    private final int outputsPerVariable;
    private final int hiddenWidth;
    private final MaskedLinear input;
    private final Linear context;
    private final MaskedLinear hidden;
    private final MaskedLinear output;

    /**
     * @param masks the order and hidden width
     * @param variables M, as in {@code masks}
     * @param contextWidth C, the width of the context (0 for none)
     * @param outputsPerVariable k, the number of output blocks of M
     */
    public AutoregressiveNetwork(AutoregressiveMasks masks, int variables, int contextWidth, int outputsPerVariable) {
        if (contextWidth < 0 || outputsPerVariable < 1) {
            throw new IllegalArgumentException("context width must be >= 0 and outputs per variable >= 1, got "
                    + contextWidth + " and " + outputsPerVariable);
        }
        this.variables = variables;
        this.contextWidth = contextWidth;
        this.outputsPerVariable = outputsPerVariable;
        float[][] first = masks.variablesToHidden();
        this.hiddenWidth = first.length;
        this.input = addChildBlock("input", new MaskedLinear(first));
        this.context = contextWidth == 0 ? null
                : addChildBlock("context", Linear.builder().setUnits(hiddenWidth).optBias(false).build());
        if (context != null) {
            // only allocates: WeightInit draws the values, as for every Linear layer
            context.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        }
        this.hidden = addChildBlock("hidden", new MaskedLinear(masks.hiddenToHidden()));
        this.output = addChildBlock("output", new MaskedLinear(masks.hiddenToOutputs(outputsPerVariable)));
    }

    /** The bias of the output layer, k M values in blocks of M. */
    public Parameter outputBias() {
        return output.bias();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray a = input.forward(parameters, new NDList(inputs.get(0)), training).singletonOrThrow();
        if (context != null) {
            a = a.add(context.forward(parameters, new NDList(inputs.get(1)), training).singletonOrThrow());
        }
        NDArray b = Activation.relu(hidden.forward(parameters, new NDList(Activation.relu(a)), training)
                .singletonOrThrow());
        return output.forward(parameters, new NDList(b), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        input.initialize(manager, dataType, new Shape(1, variables));
        if (context != null) {
            context.initialize(manager, dataType, new Shape(1, contextWidth));
        }
        hidden.initialize(manager, dataType, new Shape(1, hiddenWidth));
        output.initialize(manager, dataType, new Shape(1, hiddenWidth));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape z = inputShapes[0];
        return new Shape[] {z.slice(0, z.dimension() - 1).add((long) outputsPerVariable * variables)};
    }
}
