package org.vae4j.infer;

import java.util.List;
import java.util.Optional;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.LatentDistribution;

/**
 * The prior p(z) of a generative model: its log-density for the bounds, draws for generation, and the
 * closed-form KL from a guide's posterior where one exists. The standard normal is the default; learned
 * priors (a mixture of Gaussians, the VampPrior) carry parameters that train with the model.
 */
public interface Prior {

    /** log p(z) per row, summed over the latent dimensions; z has shape (..., M). */
    NDArray logProb(ParameterStore parameters, NDArray z, boolean training);

    /**
     * KL(q || p) per latent dimension, shape (B, M), when it has a closed form for this posterior; empty
     * otherwise (bounds then estimate it by Monte Carlo).
     */
    default Optional<NDArray> analyticKlPerDimension(LatentDistribution q) {
        return Optional.empty();
    }

    /** Draws z ~ p(z) in plain Java for generation, with the parameters' current values. */
    PriorSampler sampler(ParameterStore parameters);

    /** The prior's own learned parameters (none for a fixed prior), for an optimizer and the model file. */
    List<Parameter> parameters();
}
