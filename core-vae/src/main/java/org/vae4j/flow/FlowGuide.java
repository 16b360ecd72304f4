package org.vae4j.flow;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import org.vae4j.infer.Batch;
import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Guide;

/**
 * A normalizing-flow guide: an encoder gives each row a diagonal Gaussian q_0(z | x) and a context h, and
 * a stack of {@link FlowStep}s transforms draws from q_0 into draws from a richer posterior
 * ({@link FlowDistribution}). The encoder's output holds the Gaussian's means (M columns), its
 * log-variances (M) and then the context (C columns, none when C = 0). The registered guides (planar,
 * radial, iaf in {@code org.vae4j.vae.components}) build it over the configured encoder, whose last hidden
 * layer feeds all three, so the context is a summary of that layer.
 */
public final class FlowGuide implements Guide {

    private final GaussianGuide base;
    private final int contextWidth;
    private final List<FlowStep> steps;
    private final NDIndex contextColumns;
    private final FlowGuideNetwork network;

    /**
     * A flow guide over any encoder and steps (a user's own included).
     *
     * @param encoder maps the guide's input ({@link #inputWidth}) to 2 M + C outputs: means, log-variances, context
     * @param latentDim M
     * @param contextWidth C >= 0, the width of the context the steps read
     * @param maskInputs whether the observation mask is appended to the input (for data with missing cells)
     * @param steps the flow, applied in order; at least one, each on M dimensions
     */
    public FlowGuide(Block encoder, int latentDim, int contextWidth, boolean maskInputs, List<FlowStep> steps) {
        if (contextWidth < 0) {
            throw new IllegalArgumentException("context width must be >= 0, got " + contextWidth);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a flow guide needs at least one flow step; use the Gaussian guide for none");
        }
        for (FlowStep step : steps) {
            if (step.latentDim() != latentDim) {
                throw new IllegalArgumentException("a flow step on " + step.latentDim()
                        + " dimensions in a guide with " + latentDim + " latent dimensions");
            }
        }
        this.base = new GaussianGuide(encoder, latentDim, maskInputs);
        this.contextWidth = contextWidth;
        this.steps = List.copyOf(steps);
        this.contextColumns = new NDIndex().addAllDim().addSliceDim(2L * latentDim, 2L * latentDim + contextWidth);
        this.network = new FlowGuideNetwork(encoder, this.steps);
    }

    @Override
    public FlowDistribution posterior(ParameterStore parameters, Batch batch, boolean training) {
        NDArray out = base.network().forward(parameters, new NDList(base.input(batch)), training).singletonOrThrow();
        NDArray context = contextWidth == 0 ? null : out.get(contextColumns);
        return new FlowDistribution(base.fromOutput(out), steps, context, parameters, training);
    }

    @Override
    public int latentDim() {
        return base.latentDim();
    }

    /** The encoder and the flow steps, one block tree; its forward pass is the encoder's. */
    @Override
    public Block network() {
        return network;
    }

    /** The input width for rows of encoded width {@code dataWidth} and {@code conditionWidth} levels. */
    public int inputWidth(int dataWidth, int conditionWidth) {
        return base.inputWidth(dataWidth, conditionWidth);
    }

    /** The diagonal Gaussian the flow transforms, over the same encoder. */
    public GaussianGuide base() {
        return base;
    }

    /** C, the width of the context the encoder gives the steps. */
    public int contextWidth() {
        return contextWidth;
    }

    /** The flow steps, in order. */
    public List<FlowStep> steps() {
        return steps;
    }
}
