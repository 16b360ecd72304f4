package org.vae4j.infer;

import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;

/**
 * The step function over one or more {@link ParameterGroup}s, taken in order, that a {@link TrainingStep}
 * runs: for each group, its loss is back-propagated and its optimizer steps. A loss's gradient reaches every parameter it depends on, also
 * those of other groups (FactorVAE's VAE loss reads the discriminator), and gradients accumulate until an
 * optimizer consumes them; so after each group's update the gradients its loss left on the other groups'
 * parameters are zeroed, and each group is moved by its own loss alone. With a single group there is
 * nothing to zero and the step is the plain SVI step.
 *
 * <p>Every array the step creates lives in an {@link NDScope} that closes with it, so native memory does
 * not grow with the number of steps.
 */
public final class ParameterGroupStep {

    private final List<ParameterGroup> groups;

    /**
     * @param groups the groups in the order they step; the first one's loss is the step's reported loss
     * @throws IllegalArgumentException if there is no group or two groups share a parameter
     */
    public ParameterGroupStep(List<ParameterGroup> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a training step needs at least one parameter group");
        }
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                if (groups.get(a).optimizer().sharesParameterWith(groups.get(b).optimizer())) {
                    throw new IllegalArgumentException("parameter groups " + groups.get(a).name() + " and "
                            + groups.get(b).name() + " share a parameter; each parameter belongs to one group");
                }
            }
        }
        this.groups = List.copyOf(groups);
    }

    /**
     * Takes one step of every group, in order.
     *
     * @param beta the KL weight for this step
     * @return the first group's loss before the update
     */
    public float step(Batch batch, NoiseSource noise, double beta) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray reported = null;
            for (ParameterGroup group : groups) {
                NDArray loss;
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    loss = group.loss().of(batch, noise, beta);
                    collector.backward(loss);
                }
                group.optimizer().step();
                clearGradientsOutside(group);
                if (reported == null) {
                    reported = loss;
                }
            }
            return reported.getFloat();
        }
    }

    private void clearGradientsOutside(ParameterGroup stepped) {
        for (ParameterGroup other : groups) {
            if (other != stepped) {
                other.optimizer().zeroGradients();
            }
        }
    }
}
