package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;


/**
 * The ELBO with the KL term in closed form: E_q[log p(x|z)] - beta * KL(q(z|x) || p(z)), one
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
        ReparameterizedDraw draw = ReparameterizedDraw.of(guide, model, parameters, batch, noise, training);
        NDArray logLikelihood = draw.logLikelihood();
        NDArray kl = klPerDimension(model, draw).sum(new int[] {-1});
        return logLikelihood.sub(kl.mul(NativeArrays.scalar(logLikelihood, (float) beta)));
    }

    @Override
    public NDArray loss(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta) {
        if (freeBits == 0) {
            return Objective.super.loss(guide, model, parameters, batch, noise, beta);
        }
        ReparameterizedDraw draw = ReparameterizedDraw.of(guide, model, parameters, batch, noise, true);
        NDArray logLikelihood = draw.logLikelihood();
        NDArray klPerDimension = klPerDimension(model, draw).mean(new int[] {0})
                .maximum(NativeArrays.scalar(logLikelihood, (float) freeBits));
        return klPerDimension.sum().mul(NativeArrays.scalar(logLikelihood, (float) beta)).sub(logLikelihood.mean());
    }

    private static NDArray klPerDimension(Model model, ReparameterizedDraw draw) {
        return model.prior().analyticKlPerDimension(draw.posterior()).orElseThrow(() -> new IllegalStateException(
                "the analytic-KL ELBO needs a prior with a closed-form KL from this guide's posterior;"
                        + " use the Monte Carlo ELBO or an importance-weighted bound"));
    }
}
