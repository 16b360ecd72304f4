package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;


/**
 * The ELBO estimated entirely by Monte Carlo (Pyro's Trace_ELBO): log p(x|z) + beta * (log p(z) -
 * log q(z|x)) at one reparameterised z per row. Noisier than {@link AnalyticKlElbo} but needs no
 * closed-form KL, so it works for every guide and prior (flows, learned priors).
 */
public final class MonteCarloElbo implements Objective {

    @Override
    public NDArray perRow(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta, boolean training) {
        ReparameterizedDraw draw = ReparameterizedDraw.of(guide, model, parameters, batch, noise, training);
        NDArray logRatio = model.priorLogProb(parameters, draw.z(), training).sub(draw.sample().logProb());
        return draw.logLikelihood().add(logRatio.mul(NativeArrays.scalar(logRatio, (float) beta)));
    }
}
