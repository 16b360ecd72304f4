package org.vae4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The last block of a Gaussian guide's network whose fused head holds M means then M log-variances:
 * passes the means through and clamps the log-variances to [{@link #MIN}, {@link #MAX}] (hardtanh, as in
 * the VampPrior paper's networks), so that no posterior variance collapses below e^-6 or explodes above e^2
 * early in training. Outside that range the gradient is zero, as hardtanh's is. No parameters.
 */
public final class LogVarianceClamp extends AbstractBlock {

    /** The least log-variance. */
    public static final float MIN = -6f;
    /** The greatest log-variance. */
    public static final float MAX = 2f;

    private static final byte VERSION = 1;

    private final int latentDim;
    private final NDIndex means;
    private final NDIndex logVariances;
    private final NDIndex rest;

    /** A clamp for a head of {@code 2 * latentDim} columns, and any columns after them (left as they are). */
    public LogVarianceClamp(int latentDim) {
        super(VERSION);
        this.latentDim = latentDim;
        means = new NDIndex().addAllDim().addSliceDim(0, latentDim);
        logVariances = new NDIndex().addAllDim().addSliceDim(latentDim, 2L * latentDim);
        rest = new NDIndex(":, {}:", 2L * latentDim);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray head = inputs.singletonOrThrow();
        NDArray clamped = head.get(logVariances).clip(MIN, MAX);
        NDList parts = new NDList(head.get(means), clamped);
        if (head.getShape().get(1) > 2L * latentDim) {
            parts.add(head.get(rest)); // a flow's context
        }
        return new NDList(NDArrays.concat(parts, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
