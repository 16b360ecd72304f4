package org.vae4j.infer;

import java.util.Map;

import ai.djl.nn.Parameter;

/**
 * The step function of one training run made by a {@link TrainingProcedure}: it updates the parameters
 * from one mini-batch. It owns the run's optimizer state and any training-only network, which
 * {@link #close()} frees.
 */
public interface TrainingStep extends AutoCloseable {

    /**
     * Takes one optimisation step.
     *
     * @param beta the KL weight for this step (the KL warm-up's schedule)
     * @return the loss the procedure reports for this batch before the update (for SVI minus the batch-mean
     *     bound), which the trainer checks for divergence
     */
    float step(Batch batch, NoiseSource noise, double beta);

    /**
     * The optimizer over the guide's and the model's parameters ({@link TrainingContext#inferenceParameters()},
     * in that order): data-parallel training carries its moments from round to round and averages them.
     *
     * @throws UnsupportedOperationException if the procedure trains them with several optimizers (then it cannot
     *     train data-parallel; the message says why)
     */
    Adam inferenceOptimizer();

    /**
     * The parameters of networks only training needs (none for SVI), by stable name (such as
     * {@code discriminator.layer0.weight}, the tensor's name in a checkpoint), in a fixed order: a checkpoint
     * that resumes training keeps them, a model file for inference does not.
     */
    default Map<String, Parameter> trainingOnlyParameters() {
        return Map.of();
    }

    /**
     * Every optimizer of the run by a stable name ({@code vae} for the one over the guide and the model), in a
     * fixed order: a checkpoint keeps their step counts and moments so that resumed training continues them.
     *
     * @throws UnsupportedOperationException where {@link #inferenceOptimizer()} does, unless the procedure names
     *     its optimizers itself
     */
    default Map<String, Adam> optimizers() {
        return Map.of("vae", inferenceOptimizer());
    }

    /**
     * Figures the procedure measured over the steps since the last call, by name (such as the coupled chains'
     * {@code meeting_time_mean}), for the epoch's report; the next call counts afresh. Empty for procedures that
     * measure nothing, as SVI.
     */
    default Map<String, Double> drainStatistics() {
        return Map.of();
    }

    /** Frees the step's training-only networks; the guide's and model's parameters stay. */
    @Override
    default void close() {
    }
}
