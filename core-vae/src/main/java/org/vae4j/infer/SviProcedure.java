package org.vae4j.infer;

import java.util.Objects;

/**
 * Standard stochastic variational inference: minimise minus a {@link Bound} with one Adam over every
 * parameter of the guide, the model and the prior. It is the procedure of the ELBO, IWAE and Renyi
 * objectives; the bound decides the estimator, this procedure only how it is followed.
 */
public final class SviProcedure implements TrainingProcedure {

    private final Bound bound;
    private final double learningRate;

    /**
     * @param bound the bound to maximise
     * @param learningRate Adam's step size, a finite number > 0
     */
    public SviProcedure(Bound bound, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.bound = Objects.requireNonNull(bound, "bound");
        this.learningRate = learningRate;
    }

    /** The bound it maximises. */
    public Bound bound() {
        return bound;
    }

    @Override
    public TrainingStep start(TrainingContext context) {
        return new SviStep(context.guide(), context.model(), bound,
                new Adam(context.inferenceParameters(), learningRate), context.parameters());
    }
}
