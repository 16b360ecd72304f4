package org.vae4j.dist;

import ai.djl.ndarray.NDArray;

/**
 * Reparameterised draws from a latent distribution together with their log-density, computed as the draws
 * are made. A normalizing flow knows log q(z) only along its own draws (by the change of variables), so
 * the density travels with the sample rather than being asked for afterwards.
 *
 * @param z the draws, shape (..., B, M): differentiable in the distribution's parameters
 * @param logProb log q(z) of each draw, summed over the latent dimensions, shape (..., B)
 */
public record LatentSample(NDArray z, NDArray logProb) {}
