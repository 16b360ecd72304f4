package org.vae4j.infer;

import java.util.Objects;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

/**
 * The beta-TCVAE objective (Chen et al. 2018, "Isolating Sources of Disentanglement in VAEs"): the ELBO with
 * its KL term E[log q(z | x) - log p(z)] split, at one reparameterised draw z_i per row, into
 * <ul>
 *   <li>index-code mutual information log q(z_i | x_i) - log q(z_i),</li>
 *   <li>total correlation log q(z_i) - sum_j log q(z_ij),</li>
 *   <li>dimension-wise KL sum_j log q(z_ij) - log p(z_i),</li>
 * </ul>
 * weighted alpha, beta and gamma: log p(x | z_i) - w (alpha MI + beta TC + gamma KL_dim). The densities of the
 * aggregate posterior are estimated on the mini-batch ({@link MinibatchEstimator}), so a row's value depends on
 * the other rows of its batch, and the training-set size N enters the estimate.
 *
 * <p>The step's KL weight w (the configured beta, ramped up by the KL warm-up) multiplies all three terms, as it
 * multiplies the whole KL of the ELBO: with w = 1 the objective is the paper's, and with alpha = beta = gamma = 1
 * it is the Monte Carlo ELBO, whose sum of the three terms is exactly log q(z | x) - log p(z). Any prior works
 * (only log p(z) is needed); the guide's posterior must factorise over the latent dimensions.
 */
public final class DecomposedKlElbo implements Bound {

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final MinibatchEstimator estimator;
    private final long trainingRows;

    /**
     * @param alpha weight of the index-code mutual information, >= 0
     * @param beta weight of the total correlation, >= 0
     * @param gamma weight of the dimension-wise KL, >= 0
     * @param estimator how q(z) is estimated from the mini-batch
     * @param trainingRows N, the number of training rows
     */
    public DecomposedKlElbo(double alpha, double beta, double gamma, MinibatchEstimator estimator,
            long trainingRows) {
        checkWeight("alpha", alpha);
        checkWeight("beta", beta);
        checkWeight("gamma", gamma);
        if (trainingRows < 1) {
            throw new IllegalArgumentException("the training-set size must be >= 1, got " + trainingRows);
        }
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.trainingRows = trainingRows;
    }

    private static void checkWeight(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /**
     * @throws IllegalArgumentException if the guide's posterior does not factorise over the latent dimensions
     *     (a flow), or the batch has more rows than the training set
     */
    @Override
    public NDArray perRow(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise,
            double klWeight, boolean training) {
        ReparameterizedDraw draw = ReparameterizedDraw.of(guide, model, parameters, batch, noise, training);
        AggregatePosterior aggregate;
        try {
            aggregate = AggregatePosterior.estimate(draw.posterior(), draw.z(), trainingRows, estimator);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("the tcvae objective needs a posterior that factorises over the latent"
                    + " dimensions (the gaussian guide): " + e.getMessage(), e);
        }
        NDArray mutualInformation = draw.sample().logProb().sub(aggregate.logAggregate());
        NDArray totalCorrelation = aggregate.logAggregate().sub(aggregate.logProductOfMarginals());
        NDArray dimensionwiseKl = aggregate.logProductOfMarginals()
                .sub(model.priorLogProb(parameters, draw.z(), training));
        NDArray kl = weighted(mutualInformation, alpha).add(weighted(totalCorrelation, beta))
                .add(weighted(dimensionwiseKl, gamma));
        return draw.logLikelihood().sub(weighted(kl, klWeight));
    }

    private static NDArray weighted(NDArray term, double weight) {
        return term.mul(NativeArrays.scalar(term, (float) weight));
    }
}
