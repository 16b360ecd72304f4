package org.vae4j.infer;

import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * What a {@link TrainingProcedure} trains in one run: the guide and the model, the parameter store their
 * forward passes read, and the run's resources for any training-only network the procedure adds (a
 * discriminator, say): native memory to hang it from and the run's seeded generator to initialise it, so
 * that the same seed gives the same run.
 *
 * @param guide the guide being trained
 * @param model the model being trained
 * @param parameters the store every forward pass of this run reads the parameters through
 * @param manager the model's native memory; a procedure allocates its training-only networks in a
 *     sub-manager of it that its step closes
 * @param random the run's seeded generator
 * @param trainingRows N, the number of rows the run trains on (all shards together in data-parallel
 *     training): estimators of the aggregate posterior q(z) = (1/N) sum_n q(z | x_n) from a mini-batch need it
 */
public record TrainingContext(Guide guide, Model model, ParameterStore parameters, NDManager manager,
        Random random, long trainingRows) {

    /** Checks that the run has rows. */
    public TrainingContext {
        if (trainingRows < 1) {
            throw new IllegalArgumentException("a training run needs at least one row, got " + trainingRows);
        }
    }

    /** The guide's and the model's parameters: everything inference needs, and the model file keeps. */
    public List<Parameter> inferenceParameters() {
        return inferenceParameters(guide, model);
    }

    /** The guide's parameters, then the model's: the order of {@link #inferenceParameters()}. */
    public static List<Parameter> inferenceParameters(Guide guide, Model model) {
        List<Parameter> list = guide.parameters();
        list.addAll(model.parameters());
        return list;
    }
}
