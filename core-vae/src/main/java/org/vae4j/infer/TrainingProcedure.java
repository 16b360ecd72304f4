package org.vae4j.infer;

/**
 * How a guide and model are trained: the estimator of the gradients and the optimizers that apply them,
 * as opposed to a {@link Bound}, which only evaluates. The standard procedure ({@link SviProcedure})
 * minimises minus one bound with one Adam over every parameter; others split the parameters into groups
 * with their own losses and optimizers ({@link ParameterGroupStep}), or train networks of their own that
 * inference never needs (FactorVAE's discriminator).
 *
 * <p>A procedure is a description that can be used for several runs; each run gets its own step, with
 * its own optimizer state and training-only networks.
 */
public interface TrainingProcedure {

    /** The step function of one training run, which the caller closes when the run ends. */
    TrainingStep start(TrainingContext context);
}
