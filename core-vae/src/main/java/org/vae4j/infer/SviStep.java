package org.vae4j.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * One step of stochastic variational inference (Pyro's {@code SVI.step}): evaluate the objective on a
 * mini-batch, back-propagate through the reparameterised samples into guide and model, and let the
 * optimizer update both. Every array the step creates lives in an {@link NDScope} that closes with it,
 * so native memory does not grow with the number of steps.
 */
public final class SviStep {

    private final Guide guide;
    private final Model model;
    private final Objective objective;
    private final Adam optimizer;
    private final ParameterStore parameters;

    /** A step function for the given guide, model, objective and optimizer. */
    public SviStep(Guide guide, Model model, Objective objective, Adam optimizer, ParameterStore parameters) {
        this.guide = guide;
        this.model = model;
        this.objective = objective;
        this.optimizer = optimizer;
        this.parameters = parameters;
    }

    /**
     * Takes one optimisation step.
     *
     * @param beta the KL weight for this step
     * @return the loss (minus the batch-mean bound) before the update
     */
    public float step(Batch batch, NoiseSource noise, double beta) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray loss;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                loss = objective.loss(guide, model, parameters, batch, noise, beta);
                collector.backward(loss);
            }
            optimizer.step();
            return loss.getFloat();
        }
    }
}
