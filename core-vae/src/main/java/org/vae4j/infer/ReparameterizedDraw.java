package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.DiagonalNormal;

/**
 * The shared first half of the single-sample ELBO estimators: the guide's posterior for a batch, one
 * reparameterised draw z from it per row, and log p(x | z) at that draw.
 *
 * @param posterior q(z | x [, y])
 * @param z one draw per row
 * @param logLikelihood log p(x | z [, y]) per row
 */
record ReparameterizedDraw(DiagonalNormal posterior, NDArray z, NDArray logLikelihood) {

    static ReparameterizedDraw of(Guide guide, Model model, ParameterStore parameters, Batch batch,
            NoiseSource noise, boolean training) {
        DiagonalNormal q = guide.posterior(parameters, batch, training);
        NDArray z = q.rsample(noise.standardNormal(batch.x().getManager(), q.mean().getShape()));
        return new ReparameterizedDraw(q, z, model.logLikelihood(parameters, z, batch, training));
    }
}
