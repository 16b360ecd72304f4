package org.vae4j.infer;

/**
 * The weight of the KL term over training: beta, reached linearly over a warm-up of some epochs (KL
 * annealing, Bowman et al. 2016), constant after. With no warm-up the weight is beta from the first step.
 */
public final class KlSchedule {

    private final double beta;
    private final double warmupEpochs;

    /**
     * @param beta the final KL weight (1 for the ELBO; > 1 for a beta-VAE), finite and >= 0
     * @param warmupEpochs epochs over which the weight rises linearly from 0 to beta (0 for none)
     */
    public KlSchedule(double beta, double warmupEpochs) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number >= 0, got " + beta);
        }
        if (!(warmupEpochs >= 0) || Double.isInfinite(warmupEpochs)) {
            throw new IllegalArgumentException("warm-up epochs must be a finite number >= 0, got " + warmupEpochs);
        }
        this.beta = beta;
        this.warmupEpochs = warmupEpochs;
    }

    /**
     * The KL weight at a point of training.
     *
     * @param progressEpochs epochs done so far, fractional within an epoch (0 at the first step)
     */
    public double weight(double progressEpochs) {
        if (warmupEpochs == 0) {
            return beta;
        }
        return beta * Math.min(1.0, progressEpochs / warmupEpochs);
    }
}
