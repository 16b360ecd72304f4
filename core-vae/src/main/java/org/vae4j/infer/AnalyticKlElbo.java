package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

import org.vae4j.dist.DiagonalNormal;

/**
 * The ELBO with the KL term in closed form: E_q[log p(x|z)] - beta * KL(q(z|x) || N(0, I)), one
 * reparameterised z per row (Kingma and Welling's SGVB estimator B, Pyro's TraceMeanField_ELBO). With
 * free bits lambda > 0 each latent dimension's batch-mean KL is floored at lambda in the loss (Kingma et
 * al. 2016), which keeps dimensions from collapsing early in training.
 */
public final class AnalyticKlElbo implements Objective {

    private final double freeBits;

    /** The analytic-KL ELBO without free bits. */
    public AnalyticKlElbo() {
        this(0);
    }

    /**
     * @param freeBits the per-dimension KL floor in nats (0 to disable)
     */
    public AnalyticKlElbo(double freeBits) {
        if (!(freeBits >= 0) || Double.isInfinite(freeBits)) {
            throw new IllegalArgumentException("freeBits must be a finite number >= 0, got " + freeBits);
        }
        this.freeBits = freeBits;
    }

    @Override
    public NDArray perRow(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta, boolean training) {
        DiagonalNormal q = guide.posterior(parameters, batch, training);
        NDArray z = q.rsample(noise.standardNormal(batch.x().getManager(), q.mean().getShape()));
        NDArray logLikelihood = model.logLikelihood(parameters, z, batch, training);
        return logLikelihood.sub(q.klToStandard().mul(NativeArrays.scalar(logLikelihood, (float) beta)));
    }

    @Override
    public NDArray loss(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta) {
        if (freeBits == 0) {
            return Objective.super.loss(guide, model, parameters, batch, noise, beta);
        }
        DiagonalNormal q = guide.posterior(parameters, batch, true);
        NDArray z = q.rsample(noise.standardNormal(batch.x().getManager(), q.mean().getShape()));
        NDArray logLikelihood = model.logLikelihood(parameters, z, batch, true);
        NDArray klPerDimension = q.klToStandardPerDimension().mean(new int[] {0})
                .maximum(NativeArrays.scalar(logLikelihood, (float) freeBits));
        return klPerDimension.sum().mul(NativeArrays.scalar(logLikelihood, (float) beta)).sub(logLikelihood.mean());
    }
}
