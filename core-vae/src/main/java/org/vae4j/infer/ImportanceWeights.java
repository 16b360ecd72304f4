package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.LatentDistribution;
import org.vae4j.dist.LatentSample;
import org.vae4j.engine.NativeArrays;

/**
 * The shared first half of the multi-sample bounds: k reparameterised draws z_i ~ q(z | x) per row and
 * their log importance weights log w_i = log p(x | z_i) + beta (log p(z_i) - log q(z_i | x)).
 */
final class ImportanceWeights {

    private ImportanceWeights() {}

    /**
     * The log weights of {@code samples} draws per row, shape (k, B): draw i of row b at [i, b]. The draws
     * take one block of noise of shape (k, B, M) from {@code noise}, so bounds that call this with the same
     * source, seed and k see the same draws.
     */
    static NDArray logWeights(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            int samples, double beta, boolean training) {
        LatentDistribution q = guide.posterior(parameters, batch, training);
        long rows = batch.size();
        long latent = q.shape().get(1);
        // k copies of the batch stacked along the rows: copy i of row b sits at i * B + b.
        NDArray eps = noise.standardNormal(batch.x().getManager(), new Shape(samples, rows, latent));
        LatentSample sample = q.rsample(eps);
        NDArray z = sample.z().reshape(samples * rows, latent);
        Batch repeated = batch.tiled(samples);
        NDArray logLikelihood = model.logLikelihood(parameters, z, repeated, training);
        NDArray logRatio = model.priorLogProb(parameters, z, training).sub(sample.logProb().reshape(samples * rows));
        return logLikelihood.add(logRatio.mul(NativeArrays.scalar(logRatio, (float) beta))).reshape(samples, rows);
    }
}
