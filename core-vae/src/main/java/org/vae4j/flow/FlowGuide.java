package org.vae4j.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import org.vae4j.infer.Batch;
import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Guide;
import org.vae4j.nn.Mlp;

/**
 * A normalizing-flow guide: an encoder gives each row a diagonal Gaussian q_0(z | x) and a context h, and
 * a stack of {@link FlowStep}s transforms draws from q_0 into draws from a richer posterior
 * ({@link FlowDistribution}). The encoder's output holds the Gaussian's means (M columns), its
 * log-variances (M) and then the context (C columns, none when C = 0); the factories build it as a
 * perceptron whose last hidden layer feeds all three, so the context is a summary of that layer.
 *
 * <p>The factories' defaults come from the papers: Rezende and Mohamed (2015) report planar and radial
 * flows of length 2 to 80 and gains that level off beyond about 10 steps, each step costing O(M); Kingma et
 * al. (2016) used IAF of depth 2 with autoregressive networks of width 320 as the smaller of their MNIST
 * models. The paper gives no width for the context of a dense encoder; {@value #DEFAULT_CONTEXT} is narrower
 * than the encoder layers in common use, so the context head adds little to the encoder's cost.
 */
public final class FlowGuide implements Guide {

    /** Planar steps by default. */
    public static final int DEFAULT_PLANAR_FLOWS = 10;
    /** Radial steps by default. */
    public static final int DEFAULT_RADIAL_FLOWS = 10;
    /** Inverse autoregressive steps by default. */
    public static final int DEFAULT_IAF_FLOWS = 2;
    /** Units in each hidden layer of an IAF step's MADE network by default. */
    public static final int DEFAULT_IAF_HIDDEN = 320;
    /** Width of the encoder's context for IAF by default. */
    public static final int DEFAULT_CONTEXT = 128;

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

    /**
     * Planar flows on a perceptron encoder.
     *
     * @param encoderHidden widths of the encoder's hidden layers
     * @param flows the number of planar steps, >= 1 (default {@value #DEFAULT_PLANAR_FLOWS})
     */
    public static FlowGuide planar(List<Integer> encoderHidden, int latentDim, boolean maskInputs, int flows) {
        return new FlowGuide(Mlp.of(encoderHidden, 2 * latentDim), latentDim, 0, maskInputs,
                stack("planar", flows, i -> new PlanarFlow(latentDim)));
    }

    /**
     * Radial flows on a perceptron encoder.
     *
     * @param encoderHidden widths of the encoder's hidden layers
     * @param flows the number of radial steps, >= 1 (default {@value #DEFAULT_RADIAL_FLOWS})
     */
    public static FlowGuide radial(List<Integer> encoderHidden, int latentDim, boolean maskInputs, int flows) {
        return new FlowGuide(Mlp.of(encoderHidden, 2 * latentDim), latentDim, 0, maskInputs,
                stack("radial", flows, i -> new RadialFlow(latentDim)));
    }

    /**
     * Inverse autoregressive flow on a perceptron encoder that also outputs the context, the steps
     * alternating natural and reversed order.
     *
     * @param encoderHidden widths of the encoder's hidden layers
     * @param flows the number of IAF steps, >= 1 (default {@value #DEFAULT_IAF_FLOWS})
     * @param hidden units in each of a step's two MADE hidden layers, >= 1 (default {@value #DEFAULT_IAF_HIDDEN})
     * @param context C, the context width, >= 0 (default {@value #DEFAULT_CONTEXT}; 0 for none)
     */
    public static FlowGuide inverseAutoregressive(List<Integer> encoderHidden, int latentDim, boolean maskInputs,
            int flows, int hidden, int context) {
        if (hidden < 1 || context < 0) {
            throw new IllegalArgumentException("iaf needs hidden >= 1 and context >= 0, got hidden=" + hidden
                    + ", context=" + context);
        }
        return new FlowGuide(Mlp.of(encoderHidden, 2 * latentDim + context), latentDim, context, maskInputs,
                stack("iaf", flows, i -> new InverseAutoregressiveFlow(latentDim, context, hidden, i % 2 == 1)));
    }

    private static List<FlowStep> stack(String kind, int flows, IntFunction<FlowStep> step) {
        if (flows < 1) {
            throw new IllegalArgumentException(kind + " needs flows >= 1, got " + flows);
        }
        List<FlowStep> list = new ArrayList<>(flows);
        for (int i = 0; i < flows; i++) {
            list.add(step.apply(i));
        }
        return list;
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
