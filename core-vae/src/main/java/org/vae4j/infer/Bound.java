package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A variational lower bound on log p(x), estimated per row from reparameterised draws of the guide: the
 * ELBO, the importance-weighted bound, the Renyi bound. A bound is two things at once: an evaluation
 * (with beta = 1 its value is a log-likelihood estimate) and a differentiable training loss. How the
 * parameters are trained is not its business: a {@link TrainingProcedure} decides that, and the standard
 * one ({@link SviProcedure}) minimises minus a bound.
 *
 * <p>Every bound takes the KL weight beta (the KL warm-up passes a beta that rises over training): bounds
 * with a KL term weight it, sample-based bounds weight the log-ratio log p(z) - log q(z | x) of each draw.
 * With beta = 1 the value is an honest bound.
 */
public interface Bound {

    /**
     * The bound per row, shape (B), with the KL (or prior/guide) term weighted by {@code beta}.
     *
     * @param training whether networks run in training mode (gradients recorded by the caller)
     */
    NDArray perRow(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta, boolean training);

    /** The scalar to minimise: minus the batch mean of {@link #perRow}. */
    default NDArray loss(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double beta) {
        return perRow(guide, model, parameters, batch, noise, beta, true).mean().neg();
    }
}
