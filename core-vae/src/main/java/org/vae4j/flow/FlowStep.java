package org.vae4j.flow;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

import org.vae4j.nn.SelfInitializing;
import org.vae4j.nn.WeightInit;

/**
 * One invertible step z -> f(z) of a normalizing flow together with log |det df/dz| at each point, which
 * is what a flow guide needs to carry log q along its draws by the change of variables. A step is a DJL
 * block, so its parameters sit in the guide's block tree and reach optimizers and model files like any
 * other; as a block it maps (z [, context]) to (f(z), log |det|). Draws may have leading axes of repeated
 * draws, (..., B, M); a step that reads the encoder's context gets one context row per batch row.
 */
public abstract class FlowStep extends AbstractBlock implements SelfInitializing {

    private final int latentDim;

    /**
     * @param latentDim M >= 1
     */
    protected FlowStep(int latentDim) {
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent dimension must be >= 1, got " + latentDim);
        }
        this.latentDim = latentDim;
    }

    /** M, the number of latent dimensions the step acts on. */
    public int latentDim() {
        return latentDim;
    }

    /**
     * Pushes draws through the step.
     *
     * @param z draws, shape (..., B, M)
     * @param context the encoder's context for each row, (B, C), or null for a guide without one
     * @param training whether the networks run in training mode
     */
    public abstract Transformed push(ParameterStore parameters, NDArray z, NDArray context, boolean training);

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
            PairList<String, Object> params) {
        Transformed out = push(parameters, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training);
        return new NDList(out.z(), out.logAbsDet());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape z = inputShapes[0];
        return new Shape[] {z, z.slice(0, z.dimension() - 1)};
    }

    /** Overwrites the given parameters with draws from U(-1/sqrt(M), 1/sqrt(M)), torch's default for an M-wide input. */
    protected final void drawUniform(Random random, Parameter... learned) {
        double bound = 1.0 / Math.sqrt(latentDim);
        for (Parameter p : learned) {
            WeightInit.fillUniform(p.getArray(), bound, random);
        }
    }

    /** Adds a learned parameter of the given shape, allocated as zeros (its values are drawn by {@link #drawParameters}). */
    protected final Parameter learned(String name, long... shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(new Shape(shape))
                .optInitializer(Initializer.ZEROS).build());
    }
}
