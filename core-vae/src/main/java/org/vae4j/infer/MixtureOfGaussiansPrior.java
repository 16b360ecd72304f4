package org.vae4j.infer;

import java.util.List;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.DiagonalNormal;
import org.vae4j.dist.GaussianMixture;

/**
 * A learned prior p(z) = sum_k w_k N(z; mu_k, diag exp(logvar_k)): K diagonal Gaussians whose means,
 * log-variances and mixture weights train with the model, so the prior can follow a multi-modal
 * aggregate posterior instead of pulling every code towards one bell.
 *
 * <p>The weights are learned, as w = softmax(logits) with logits starting at zero (equal weights): a
 * mixture with fixed equal weights can give a mode of the data more mass only by spending several
 * components on it. The means start as independent draws from N(0, s^2) for the given spread s, which
 * breaks the symmetry between components (identical components receive identical gradients and never
 * separate); the log-variances start at zero. With K = 1 and s = 0 it starts as N(0, I).
 *
 * <p>It has no closed-form KL from a Gaussian posterior, so it trains with Monte-Carlo bounds.
 */
public final class MixtureOfGaussiansPrior implements Prior {

    /** Model-file name of the component means, shape (K, M). */
    public static final String MEANS = "prior.means";
    /** Model-file name of the component log-variances, shape (K, M). */
    public static final String LOG_VARIANCES = "prior.logVariances";
    /** Model-file name of the mixture logits, shape (K). */
    public static final String LOGITS = "prior.logits";

    private final Parameter means;
    private final Parameter logVariances;
    private final Parameter logits;

    /**
     * @param latentDim M, the number of latent dimensions
     * @param components K >= 1, the number of Gaussians
     * @param meanSpread s >= 0, the standard deviation of the initial means around 0; 0 only with K = 1
     * @param manager owns the parameters
     * @param initRandom the seeded generator the initial means are drawn from
     */
    public MixtureOfGaussiansPrior(int latentDim, int components, double meanSpread, NDManager manager,
            Random initRandom) {
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent dimension must be >= 1, got " + latentDim);
        }
        if (components < 1) {
            throw new IllegalArgumentException("mixture components K must be >= 1, got " + components);
        }
        if (!(meanSpread >= 0) || Double.isInfinite(meanSpread)) {
            throw new IllegalArgumentException("mean spread must be a finite number >= 0, got " + meanSpread);
        }
        if (meanSpread == 0 && components > 1) {
            throw new IllegalArgumentException("mean spread 0 with K = " + components + " components starts them"
                    + " identical, and identical components never separate: use a spread > 0");
        }
        Shape shape = new Shape(components, latentDim);
        float[] initialMeans = new float[components * latentDim];
        for (int i = 0; i < initialMeans.length; i++) {
            initialMeans[i] = (float) (meanSpread * initRandom.nextGaussian());
        }
        this.means = LearnedParameter.of(MEANS, shape, initialMeans, manager);
        this.logVariances = LearnedParameter.of(LOG_VARIANCES, shape, new float[initialMeans.length], manager);
        this.logits = LearnedParameter.of(LOGITS, new Shape(components), new float[components], manager);
    }

    @Override
    public NDArray logProb(ParameterStore parameters, NDArray z, boolean training) {
        return mixture(parameters, z.getDevice(), training).logProb(z);
    }

    @Override
    public PriorSampler sampler(ParameterStore parameters) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return MixtureSampler.of(mixture(parameters, means.getArray().getDevice(), false));
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(means, logVariances, logits);
    }

    private GaussianMixture mixture(ParameterStore parameters, Device device, boolean training) {
        DiagonalNormal components = new DiagonalNormal(parameters.getValue(means, device, training),
                parameters.getValue(logVariances, device, training));
        return new GaussianMixture(components, parameters.getValue(logits, device, training).logSoftmax(0));
    }
}
