package org.vae4j.dist;

import ai.djl.ndarray.NDArray;

/**
 * A distribution over the latent code of each row of a batch, as a guide produces it: reparameterised
 * draws that carry their log-density, a point code users see, and, for distributions that can evaluate
 * their density anywhere, log q(z) and its per-dimension terms (total-correlation estimators need the
 * latter). Analytic KL divergences are the prior's business ({@code Prior#analyticKlPerDimension}), since
 * they exist only for some pairs.
 */
public interface LatentDistribution {

    /**
     * Reparameterised draws z = T(eps) and log q(z).
     *
     * @param standardNormal noise of shape (B, M), or (S, B, M) for S draws per row
     */
    LatentSample rsample(NDArray standardNormal);

    /** The code of each row users see as its latent features, shape (B, M): the mean, or a flow's image of it. */
    NDArray location();

    /** A per-dimension spread of each row's code, shape (B, M): the standard deviation where it is known. */
    NDArray scale();

    /** Whether {@link #logProb} and {@link #logProbPerDimension} can evaluate arbitrary points. */
    boolean evaluatesDensity();

    /**
     * log q(z) at arbitrary points, summed over the latent dimensions.
     *
     * @throws UnsupportedOperationException if {@link #evaluatesDensity()} is false
     */
    NDArray logProb(NDArray z);

    /**
     * log q_j(z_j) for each latent dimension j, not summed: defined for distributions that factorise over
     * the dimensions.
     *
     * @throws UnsupportedOperationException if the distribution does not factorise
     */
    NDArray logProbPerDimension(NDArray z);
}
