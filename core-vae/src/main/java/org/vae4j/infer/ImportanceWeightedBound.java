package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

import org.vae4j.dist.LatentDistribution;
import org.vae4j.dist.LatentSample;

/**
 * The importance-weighted bound with k samples (Burda et al. 2016): log (1/k) sum_i p(x, z_i) / q(z_i|x),
 * z_i ~ q(z|x). It equals the ELBO in expectation for k = 1 and tightens towards log p(x) as k grows,
 * which also makes it the importance-sampled log-likelihood estimator. Beta scales the log-ratio of prior
 * to guide, as in {@link MonteCarloElbo}; use 1 for an honest bound.
 */
public final class ImportanceWeightedBound implements Objective {

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
        LatentDistribution q = guide.posterior(parameters, batch, training);
        long rows = batch.size();
        long latent = q.location().getShape().get(1);
        // k copies of the batch stacked along the rows: copy i of row b sits at i * B + b.
        NDArray eps = noise.standardNormal(batch.x().getManager(), new Shape(samples, rows, latent));
        LatentSample sample = q.rsample(eps);
        NDArray z = sample.z().reshape(samples * rows, latent);
        Batch repeated = new Batch(repeat(batch.x()), repeat(batch.mask()), repeat(batch.condition()));
        NDArray logLikelihood = model.logLikelihood(parameters, z, repeated, training);
        NDArray logRatio = model.priorLogProb(parameters, z, training).sub(sample.logProb().reshape(samples * rows));
        NDArray logWeights = logLikelihood.add(logRatio.mul(NativeArrays.scalar(logRatio, (float) beta)))
                .reshape(samples, rows);
        return logMeanExp(logWeights);
    }

    private NDArray repeat(NDArray array) {
        return array == null || samples == 1 ? array : array.tile(new long[] {samples, 1});
    }

    /** log((1/k) sum_i exp(w_i)) over axis 0, shifted by the maximum for stability. */
    private NDArray logMeanExp(NDArray logWeights) {
        NDArray max = logWeights.max(new int[] {0}, true).stopGradient();
        NDArray summed = logWeights.sub(max).exp().sum(new int[] {0}).log();
        return summed.add(max.squeeze(0)).sub(NativeArrays.scalar(summed, (float) StrictMath.log(samples)));
    }
}
