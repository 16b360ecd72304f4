package org.vae4j.dist;

import ai.djl.ndarray.NDArray;

/**
 * A Categorical distribution over the last axis, parameterised by unnormalised logits. Targets are
 * one-hot rows; an all-zero row (a missing cell) contributes nothing.
 */
public final class Categorical {

    private final NDArray logits;

    /** Categorical distributions with the given logits (last axis = the levels). */
    public Categorical(NDArray logits) {
        this.logits = logits;
    }

    /** The logits. */
    public NDArray logits() {
        return logits;
    }

    /** The normalised log-probabilities of every level. */
    public NDArray logProbabilities() {
        return logits.logSoftmax(-1);
    }

    /** log p(x) for one-hot targets x, summed over the last axis (0 for an all-zero row). */
    public NDArray logProb(NDArray oneHot) {
        return oneHot.mul(logProbabilities()).sum(new int[] {-1});
    }
}
