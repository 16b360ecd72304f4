package org.vae4j.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A variational objective (a lower bound on log p(x)) in Pyro's sense: given a model, a guide and a
 * mini-batch it yields a differentiable value per row, and the scalar an SVI step minimises.
 */
public interface Objective {

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
