package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.LatentDistribution;
import org.vae4j.dist.LatentSample;

/**
 * The shared first half of the single-sample ELBO estimators: the guide's posterior for a batch, one
 * reparameterised draw z from it per row with log q(z | x), and log p(x | z) at that draw.
 *
 * @param posterior q(z | x [, y])
 * @param sample one draw per row and its log-density under the posterior
 * @param logLikelihood log p(x | z [, y]) per row
 */
record ReparameterizedDraw(LatentDistribution posterior, LatentSample sample, NDArray logLikelihood) {

    static ReparameterizedDraw of(Guide guide, Model model, ParameterStore parameters, Batch batch,
            NoiseSource noise, boolean training) {
        LatentDistribution q = guide.posterior(parameters, batch, training);
        LatentSample sample = q.rsample(noise.standardNormal(batch.x().getManager(), q.location().getShape()));
        return new ReparameterizedDraw(q, sample, model.logLikelihood(parameters, sample.z(), batch, training));
    }

    /** The draws. */
    NDArray z() {
        return sample.z();
    }
}
