package org.vae4j.infer;

import java.util.Arrays;
import java.util.Random;

import org.vae4j.dist.GaussianMixture;

/**
 * Draws from a {@link GaussianMixture} in plain Java: a component k with probability w_k, then
 * z = mu_k + sigma_k * eps with standard-normal eps, all from the row's own generator. The mixture's
 * values are read once, when the sampler is made.
 */
final class MixtureSampler implements PriorSampler {

    private final double[] cumulativeWeights;
    private final float[] means;
    private final double[] stdDevs;
    private final int latentDim;

    private MixtureSampler(double[] cumulativeWeights, float[] means, double[] stdDevs, int latentDim) {
        this.cumulativeWeights = cumulativeWeights;
        this.means = means;
        this.stdDevs = stdDevs;
        this.latentDim = latentDim;
    }

    /** A sampler with the mixture's current weights, means and variances. */
    static MixtureSampler of(GaussianMixture mixture) {
        int components = mixture.size();
        float[] means = mixture.components().mean().toFloatArray();
        float[] logVariances = mixture.components().logVariance().toFloatArray();
        double[] stdDevs = new double[logVariances.length];
        for (int i = 0; i < stdDevs.length; i++) {
            stdDevs[i] = StrictMath.exp(0.5 * logVariances[i]);
        }
        float[] logWeights = mixture.logWeights() == null ? null : mixture.logWeights().toFloatArray();
        double[] cumulative = new double[components];
        double total = 0;
        for (int k = 0; k < components; k++) {
            total += logWeights == null ? 1 : StrictMath.exp(logWeights[k]);
            cumulative[k] = total;
        }
        for (int k = 0; k < components; k++) {
            cumulative[k] /= total;
        }
        return new MixtureSampler(cumulative, means, stdDevs, means.length / components);
    }

    @Override
    public double[] draw(Random random) {
        int k = component(random.nextDouble());
        double[] z = new double[latentDim];
        for (int j = 0; j < latentDim; j++) {
            int at = k * latentDim + j;
            z[j] = means[at] + stdDevs[at] * random.nextGaussian();
        }
        return z;
    }

    /** The first component whose cumulative weight exceeds u (the last one if rounding leaves none). */
    private int component(double u) {
        int found = Arrays.binarySearch(cumulativeWeights, u);
        int k = found >= 0 ? found + 1 : -found - 1;
        return Math.min(k, cumulativeWeights.length - 1);
    }
}
