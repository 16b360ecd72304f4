package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

/**
 * The importance-weighted bound with k samples (Burda et al. 2016): log (1/k) sum_i p(x, z_i) / q(z_i|x),
 * z_i ~ q(z|x). It equals the ELBO in expectation for k = 1 and tightens towards log p(x) as k grows,
 * which also makes it the importance-sampled log-likelihood estimator. Beta scales the log-ratio of prior
 * to guide in each weight, as in {@link MonteCarloElbo}; use 1 for an honest bound. There is no
 * per-dimension KL in it, so free bits do not apply.
 */
public final class ImportanceWeightedBound implements Bound {

    private final int samples;

    /**
     * @param samples k >= 1, the number of importance samples per row
     */
    public ImportanceWeightedBound(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("importance samples must be >= 1, got " + samples);
        }
        this.samples = samples;
    }

    /** k, the number of importance samples per row. */
    public int samples() {
        return samples;
    }

    @Override
    public NDArray perRow(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta, boolean training) {
        return logMeanExp(ImportanceWeights.logWeights(guide, model, parameters, batch, noise, samples, beta, training));
    }

    /** log((1/k) sum_i exp(w_i)) over axis 0, shifted by the maximum for stability. */
    private NDArray logMeanExp(NDArray logWeights) {
        NDArray max = logWeights.max(new int[] {0}, true).stopGradient();
        NDArray summed = logWeights.sub(max).exp().sum(new int[] {0}).log();
        return summed.add(max.squeeze(0)).sub(NativeArrays.scalar(summed, (float) StrictMath.log(samples)));
    }
}
