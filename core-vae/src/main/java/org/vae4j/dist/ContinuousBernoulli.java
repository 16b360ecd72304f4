package org.vae4j.dist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

import org.vae4j.engine.NativeArrays;

/**
 * The continuous Bernoulli distribution on [0, 1] (Loaiza-Ganem and Cunningham 2019), parameterised by
 * logits l = logit(lambda): p(x | lambda) = C(lambda) lambda^x (1 - lambda)^(1 - x). Unlike the Bernoulli
 * likelihood applied to grey levels, whose "log-likelihood" is a negative binary cross-entropy, this is a
 * density: it integrates to 1 over [0, 1], so its log-likelihoods of images are log-densities.
 *
 * <p>The normalising constant is C(lambda) = 2 artanh(1 - 2 lambda) / (1 - 2 lambda), with C(1/2) = 2. In
 * logits it is l / tanh(l / 2), an even function: log C = log |l| - log tanh(|l| / 2). That form cancels
 * catastrophically near l = 0 (lambda = 1/2), where both terms approach log |l| and the gradient is a small
 * difference of two values near 1 / |l|; there, for |l| below {@value #TAYLOR_BELOW}, log C is its Taylor
 * expansion log 2 + l^2 / 12 - 7 l^4 / 1440 (the next term, of order l^6 / 10^5, is below float precision).
 */
public final class ContinuousBernoulli {

    /** |logit| below which log C is taken from its Taylor expansion around lambda = 1/2. */
    public static final float TAYLOR_BELOW = 0.1f;

    private static final float LOG_2 = (float) Math.log(2);

    private final NDArray logits;

    /** Continuous Bernoulli distributions with the given logits. */
    public ContinuousBernoulli(NDArray logits) {
        this.logits = logits;
    }

    /**
     * Element-wise log p(x) = x l - softplus(l) + log C(sigmoid(l)); not summed.
     *
     * @param x values in [0, 1] of the logits' shape
     */
    public NDArray logProbElementwise(NDArray x) {
        return new Bernoulli(logits).logProbElementwise(x).add(logNormalizer(logits));
    }

    /** log C(lambda) element-wise, for lambda = sigmoid(logits), stable and differentiable everywhere. */
    public static NDArray logNormalizer(NDArray logits) {
        NDArray abs = logits.abs();
        NDArray nearHalf = abs.lt(NativeArrays.scalar(abs, TAYLOR_BELOW));
        // The exact form is evaluated at 1 where the expansion is used, so that its discarded branch never
        // produces a NaN (at l = 0) whose zero-weighted gradient would still poison the backward pass.
        NDArray away = NDArrays.where(nearHalf, abs.onesLike(), abs);
        NDArray exact = away.log().sub(away.mul(NativeArrays.scalar(abs, 0.5f)).tanh().log());
        NDArray square = logits.square();
        NDArray taylor = square.mul(NativeArrays.scalar(abs, 1f / 12))
                .sub(square.square().mul(NativeArrays.scalar(abs, 7f / 1440)))
                .add(NativeArrays.scalar(abs, LOG_2));
        return NDArrays.where(nearHalf, taylor, exact);
    }
}
