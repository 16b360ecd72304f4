package org.vae4j.dist;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Bernoulli distributions parameterised by logits. {@link #logProb} accepts any target in [0, 1], which
 * makes it the negative binary cross-entropy used for grey-level images ("continuous targets").
 */
public final class Bernoulli {

    private final NDArray logits;

    /** Bernoulli distributions with the given logits. */
    public Bernoulli(NDArray logits) {
        this.logits = logits;
    }

    /** The logits. */
    public NDArray logits() {
        return logits;
    }

    /** The success probabilities sigmoid(logits). */
    public NDArray probabilities() {
        return logits.getNDArrayInternal().sigmoid();
    }

    /**
     * Element-wise log p(x) = x * l - softplus(l), stable for large |l|; not summed.
     *
     * @param x targets in [0, 1] of the logits' shape
     */
    public NDArray logProbElementwise(NDArray x) {
        return x.mul(logits).sub(Activation.softPlus(logits));
    }
}
