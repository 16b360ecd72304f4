package org.vae4j.infer;

import java.util.Objects;

import ai.djl.ndarray.NDArray;

/**
 * A set of parameters trained together: the optimizer that holds them and the loss whose gradient drives
 * them. A procedure with several groups (a VAE and its discriminator; an encoder trained by a bound and a
 * decoder by another gradient) gives each its own; {@link ParameterGroupStep} keeps one group's loss from
 * moving another group's parameters.
 *
 * @param name what the group is, for messages
 * @param optimizer the optimizer over exactly this group's parameters
 * @param loss the scalar whose gradient updates them
 */
public record ParameterGroup(String name, Adam optimizer, Loss loss) {

    /** Checks that every part is there. */
    public ParameterGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(optimizer, "optimizer of group " + name);
        Objects.requireNonNull(loss, "loss of group " + name);
    }

    /**
     * A group's loss on one mini-batch: a scalar to minimise, computed while gradients are recorded. Losses
     * of the groups of one step run in order, in one native scope, so a later group's loss may use arrays
     * an earlier one made (detached with {@code stopGradient} where its gradient must not reach them).
     */
    @FunctionalInterface
    public interface Loss {

        /** The loss; {@code beta} is the step's KL weight. */
        NDArray of(Batch batch, NoiseSource noise, double beta);
    }
}
