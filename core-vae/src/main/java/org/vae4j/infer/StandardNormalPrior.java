package org.vae4j.infer;

import java.util.List;
import java.util.Optional;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.DiagonalNormal;
import org.vae4j.dist.LatentDistribution;

/**
 * The fixed prior p(z) = N(0, I) of the standard VAE. Its KL from a diagonal-Gaussian posterior has a
 * closed form, which the analytic-KL ELBO uses.
 */
public final class StandardNormalPrior implements Prior {

    private final int latentDim;

    /** N(0, I) over {@code latentDim} dimensions. */
    public StandardNormalPrior(int latentDim) {
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent dimension must be >= 1, got " + latentDim);
        }
        this.latentDim = latentDim;
    }

    @Override
    public NDArray logProb(ParameterStore parameters, NDArray z, boolean training) {
        return DiagonalNormal.standardLogProb(z);
    }

    @Override
    public Optional<NDArray> analyticKlPerDimension(LatentDistribution q) {
        return q instanceof DiagonalNormal normal ? Optional.of(normal.klToStandardPerDimension()) : Optional.empty();
    }

    @Override
    public PriorSampler sampler(ParameterStore parameters) {
        return random -> {
            double[] z = new double[latentDim];
            for (int j = 0; j < latentDim; j++) {
                z[j] = random.nextGaussian();
            }
            return z;
        };
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
