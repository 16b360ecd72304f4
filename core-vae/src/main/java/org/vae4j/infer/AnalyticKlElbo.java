package org.vae4j.infer;

import java.util.Optional;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;


/**
 * The ELBO with the KL term in closed form where the prior has one for the guide's posterior:
 * E_q[log p(x|z)] - beta * KL(q(z|x) || p(z)), one reparameterised z per row (Kingma and Welling's SGVB
 * estimator B). Where there is no closed form (flow guides, learned priors) the KL is estimated at the
 * same draw, log q(z|x) - log p(z), as Pyro's TraceMeanField_ELBO does, so the bound is defined for every
 * guide and prior and is the lowest-variance ELBO available for each.
 *
 * <p>With free bits lambda > 0 each latent dimension's batch-mean KL is floored at lambda in the loss
 * (Kingma et al. 2016), which keeps dimensions from collapsing early in training. Free bits need the KL
 * per dimension, so they apply only where it is analytic; elsewhere the loss refuses them. Beta weights the
 * (floored) KL.
 */
public final class AnalyticKlElbo implements Bound {

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
        return atDraw(ReparameterizedDraw.of(guide, model, parameters, batch, noise, training), model, parameters,
                beta, training);
    }

    /** The bound per row at a draw already made (without free bits): for objectives that also use the draw. */
    static NDArray atDraw(ReparameterizedDraw draw, Model model, ParameterStore parameters, double beta,
            boolean training) {
        NDArray logLikelihood = draw.logLikelihood();
        NDArray kl = klPerDimension(model, draw).map(perDimension -> perDimension.sum(new int[] {-1}))
                .orElseGet(() -> draw.logRatio(model, parameters, training).neg());
        return logLikelihood.sub(kl.mul(NativeArrays.scalar(logLikelihood, (float) beta)));
    }

    @Override
    public NDArray loss(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta) {
        if (freeBits == 0) {
            return Bound.super.loss(guide, model, parameters, batch, noise, beta);
        }
        ReparameterizedDraw draw = ReparameterizedDraw.of(guide, model, parameters, batch, noise, true);
        NDArray logLikelihood = draw.logLikelihood();
        NDArray klPerDimension = klPerDimension(model, draw).orElseThrow(() -> new IllegalStateException(
                "free bits need the KL per latent dimension in closed form, which this prior does not have for"
                        + " this guide's posterior; set free bits to 0"))
                .mean(new int[] {0})
                .maximum(NativeArrays.scalar(logLikelihood, (float) freeBits));
        return klPerDimension.sum().mul(NativeArrays.scalar(logLikelihood, (float) beta)).sub(logLikelihood.mean());
    }

    private static Optional<NDArray> klPerDimension(Model model, ReparameterizedDraw draw) {
        return model.prior().analyticKlPerDimension(draw.posterior());
    }
}
