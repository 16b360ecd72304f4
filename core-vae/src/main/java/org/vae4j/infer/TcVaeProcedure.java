package org.vae4j.infer;

import java.util.Objects;

/**
 * Trains beta-TCVAE: SVI on a {@link DecomposedKlElbo} whose mini-batch estimators know the run's training-set
 * size, which only the run's {@link TrainingContext} does.
 */
public final class TcVaeProcedure implements TrainingProcedure {

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final MinibatchEstimator estimator;
    private final double learningRate;

    /**
     * @param alpha weight of the index-code mutual information
     * @param beta weight of the total correlation
     * @param gamma weight of the dimension-wise KL
     * @param estimator how q(z) is estimated from the mini-batch
     * @param learningRate Adam's step size
     */
    public TcVaeProcedure(double alpha, double beta, double gamma, MinibatchEstimator estimator,
            double learningRate) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.learningRate = learningRate;
    }

    @Override
    public TrainingStep start(TrainingContext context) {
        Bound bound = new DecomposedKlElbo(alpha, beta, gamma, estimator, context.trainingRows());
        return new SviProcedure(bound, learningRate).start(context);
    }
}
