package org.vae4j.infer;

import java.util.List;

import ai.djl.training.ParameterStore;

/**
 * One step of stochastic variational inference (Pyro's {@code SVI.step}): evaluate a bound on a
 * mini-batch, back-propagate minus its batch mean through the reparameterised samples into guide and
 * model, and let one optimizer update both. It is a {@link ParameterGroupStep} with a single group.
 */
public final class SviStep implements TrainingStep {

    private final ParameterGroupStep step;
    private final Adam optimizer;

    /** A step function for the given guide, model, bound and optimizer (over the parameters to train). */
    public SviStep(Guide guide, Model model, Bound bound, Adam optimizer, ParameterStore parameters) {
        this.optimizer = optimizer;
        this.step = new ParameterGroupStep(List.of(new ParameterGroup("svi", optimizer,
                (batch, noise, beta) -> bound.loss(guide, model, parameters, batch, noise, beta))));
    }

    /**
     * Takes one optimisation step.
     *
     * @param beta the KL weight for this step
     * @return the loss (minus the batch-mean bound) before the update
     */
    @Override
    public float step(Batch batch, NoiseSource noise, double beta) {
        return step.step(batch, noise, beta);
    }

    @Override
    public Adam inferenceOptimizer() {
        return optimizer;
    }
}
