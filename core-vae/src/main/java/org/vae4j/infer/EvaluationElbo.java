package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

/**
 * The ELBO reported for rows (a model's per-row ELBO, the held-out ELBO that early stopping watches),
 * whatever the prior: with the closed-form KL where the prior has one for the guide's posterior, which
 * makes it equal to {@link AnalyticKlElbo}'s and less noisy, and otherwise with the Monte-Carlo term
 * log q(z | x) - log p(z) at the same draw, as {@link MonteCarloElbo} estimates it.
 */
public final class EvaluationElbo implements Objective {

    @Override
    public NDArray perRow(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta, boolean training) {
        ReparameterizedDraw draw = ReparameterizedDraw.of(guide, model, parameters, batch, noise, training);
        NDArray logLikelihood = draw.logLikelihood();
        NDArray divergence = model.prior().analyticKlPerDimension(draw.posterior())
                .map(klPerDimension -> klPerDimension.sum(new int[] {-1}))
                .orElseGet(() -> draw.sample().logProb().sub(model.priorLogProb(parameters, draw.z(), training)));
        return logLikelihood.sub(divergence.mul(NativeArrays.scalar(logLikelihood, (float) beta)));
    }
}
