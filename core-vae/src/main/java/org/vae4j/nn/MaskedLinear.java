package org.vae4j.nn;

import java.nio.FloatBuffer;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

import org.vae4j.engine.NativeArrays;

/**
 * A fully connected layer whose weight is multiplied by a fixed 0/1 mask, so that chosen outputs cannot
 * see chosen inputs: the layer of MADE (Germain et al. 2015) that makes a network autoregressive. The mask
 * is structure, not a parameter: it is rebuilt from the network's shape and neither trained nor saved.
 * Inputs may have any number of leading axes, (..., in) to (..., out).
 */
public final class MaskedLinear extends AbstractBlock implements SelfInitializing {

    private final int in;
    private final int out;
    private final float[] mask;
    private final Parameter weight;
    private final Parameter bias;
    /** The mask as an array next to the weight, made when the block is initialised. */
    private NDArray maskArray;

    /**
     * @param mask {@code mask[o][i]} is 1 where output o may depend on input i and 0 where it may not
     */
    public MaskedLinear(float[][] mask) {
        this.out = mask.length;
        this.in = mask.length == 0 ? 0 : mask[0].length;
        if (out == 0 || in == 0) {
            throw new IllegalArgumentException("a masked layer needs at least one input and one output");
        }
        this.mask = new float[out * in];
        for (int o = 0; o < out; o++) {
            if (mask[o].length != in) {
                throw new IllegalArgumentException("mask row " + o + " has " + mask[o].length + " entries, not " + in);
            }
            System.arraycopy(mask[o], 0, this.mask, o * in, in);
        }
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in)).optInitializer(Initializer.ZEROS).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).optInitializer(Initializer.ZEROS).build());
    }

    /** The bias parameter (out). */
    public Parameter bias() {
        return bias;
    }

    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        if (maskArray == null) {
            maskArray = NativeArrays.copyOf(manager, FloatBuffer.wrap(mask), new Shape(out, in));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = parameters.getValue(weight, x.getDevice(), training);
        NDArray b = parameters.getValue(bias, x.getDevice(), training);
        return Linear.linear(x, w.mul(maskArray.toDevice(w.getDevice(), false)), b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        return new Shape[] {input.slice(0, input.dimension() - 1).add(out)};
    }

    /** Draws like {@code torch.nn.Linear}: U(-1/sqrt(in), 1/sqrt(in)) for weight and bias. */
    @Override
    public void drawParameters(Random random) {
        double bound = 1.0 / Math.sqrt(in);
        WeightInit.fillUniform(weight.getArray(), bound, random);
        WeightInit.fillUniform(bias.getArray(), bound, random);
    }
}
