package org.vae4j.dist;

import ai.djl.ndarray.NDArray;

import org.vae4j.engine.NativeArrays;

/**
 * A Gaussian likelihood whose mean comes from the decoder and whose per-feature log-variance is a
 * learned parameter shared by all rows (the factor-analysis noise model; with a linear decoder this is
 * exactly probabilistic PCA's generalisation).
 */
public final class LearnedVarianceGaussian {

    private final NDArray mean;
    private final NDArray logVariance;

    /**
     * @param mean decoder means, shape (B, D)
     * @param logVariance per-feature log-variances, shape (D), broadcast over rows
     */
    public LearnedVarianceGaussian(NDArray mean, NDArray logVariance) {
        this.mean = mean;
        this.logVariance = logVariance;
    }

    /** Element-wise log N(x; mean, exp(logVariance)); not summed. */
    public NDArray logProbElementwise(NDArray x) {
        NDArray z = x.sub(mean);
        return z.square().mul(logVariance.neg().exp()).add(logVariance)
                .add(NativeArrays.scalar(z, DiagonalNormal.LOG_2PI)).mul(NativeArrays.scalar(z, -0.5f));
    }
}
