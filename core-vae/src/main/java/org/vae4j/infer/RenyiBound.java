package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

/**
 * The variational Renyi bound of order alpha with k samples (Li and Turner 2016):
 * L_alpha = 1/(1 - alpha) log (1/k) sum_i w_i^(1 - alpha), with w_i = p(x, z_i) / q(z_i | x) and
 * z_i ~ q(z | x). It interpolates between the bounds it contains: alpha = 0 is the importance-weighted
 * bound with the same k, alpha = 1 the ELBO (the limit, the mean of log w_i over the k draws), and for
 * alpha in (0, 1) it lies between the two for the same draws. Alpha above 1 gives bounds looser than
 * the ELBO.
 *
 * <p>Near alpha = 1 the bound is the log of a mean close to one divided by the small 1 - alpha, where a
 * plain log-mean-exp would magnify float rounding without limit. So it is evaluated as
 * c + log1p(mean(expm1((1 - alpha)(log w_i - c)))) / (1 - alpha), centred at the extreme log weight c,
 * with expm1 written through tanh (accurate near zero) and log1p as one Newton step on log(1 + y) with
 * that expm1 (the engine has neither function): the result keeps float precision relative to its distance
 * from c for every alpha, and alpha = 1 itself is the mean of the log weights.
 *
 * <p>Beta scales the log-ratio of prior to guide in each weight, as in {@link ImportanceWeightedBound};
 * use 1 for an honest bound. There is no per-dimension KL in it, so free bits do not apply.
 */
public final class RenyiBound implements Bound {

    private final double alpha;
    private final int samples;

    /**
     * @param alpha the order, a finite number >= 0 (0: the importance-weighted bound; 1: the ELBO)
     * @param samples k >= 1, the number of draws per row
     */
    public RenyiBound(double alpha, int samples) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("Renyi alpha must be a finite number >= 0, got " + alpha);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("Renyi samples must be >= 1, got " + samples);
        }
        this.alpha = alpha;
        this.samples = samples;
    }

    /** The order alpha. */
    public double alpha() {
        return alpha;
    }

    /** k, the number of draws per row. */
    public int samples() {
        return samples;
    }

    @Override
    public NDArray perRow(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta, boolean training) {
        NDArray logWeights = ImportanceWeights.logWeights(guide, model, parameters, batch, noise, samples, beta,
                training);
        float oneMinusAlpha = (float) (1 - alpha);
        if (oneMinusAlpha == 0) {
            return logWeights.mean(new int[] {0});
        }
        // Centred where (1 - alpha)(log w_i - c) <= 0 for every draw: no exp overflows, expm1 lies in (-1, 0].
        NDArray centre = (oneMinusAlpha > 0 ? logWeights.max(new int[] {0}, true)
                : logWeights.min(new int[] {0}, true)).stopGradient();
        NDArray scaled = logWeights.sub(centre).mul(NativeArrays.scalar(logWeights, oneMinusAlpha));
        NDArray logMeanExp = log1p(expm1(scaled).mean(new int[] {0}));
        return centre.squeeze(0).add(logMeanExp.div(NativeArrays.scalar(logMeanExp, oneMinusAlpha)));
    }

    /** exp(x) - 1 = 2 t / (1 - t) with t = tanh(x / 2), accurate near 0 (x <= 0 here). */
    private static NDArray expm1(NDArray x) {
        NDArray t = x.mul(NativeArrays.scalar(x, 0.5f)).tanh();
        return t.mul(NativeArrays.scalar(t, 2)).div(NativeArrays.scalar(t, 1).sub(t));
    }

    /**
     * log(1 + y) for y in (-1, 0]: x = log(1 + y) has an absolute error of float rounding, which one Newton
     * step x + (y - expm1(x)) / (1 + expm1(x)) on the accurate expm1 squares away. The gradient flows
     * through the step only, as 1 / (1 + y).
     */
    private static NDArray log1p(NDArray y) {
        NDArray rough = y.add(NativeArrays.scalar(y, 1)).log().stopGradient();
        NDArray expm1 = expm1(rough);
        return rough.add(y.sub(expm1).div(expm1.add(NativeArrays.scalar(expm1, 1))));
    }
}
