package org.vae4j.np;

import java.util.List;
import java.util.Map;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.InvalidOptionException;

/**
 * The options of a neural-process regressor and its training, each described once: the command line, Weka's
 * classifier and Tribuo's trainer build theirs from this list, and {@link NeuralProcessRegressor#fit} takes
 * checked values for it as {@link OptionValues} ({@link #defaults()}, {@link #of}).
 *
 * <p>Training draws, at every step, {@code batchSize} tasks from the training rows: each task is a seeded
 * random subset of {@code min(rows, maxTargets)} rows, all of them targets, the first c of them the context,
 * c drawn uniformly from [minContext, min(maxContext, subset size - 1)] once per step. Prediction with the training rows as context uses a seeded random
 * subset of at most {@code maxContext} of them, drawn once when the model is trained and kept with it.
 */
public final class NeuralProcessOptions {

    /** Which model. */
    public static final OptionDescription MODEL = OptionDescription.ofEnum("model", NeuralProcessKind.class,
            NeuralProcessKind.NP, "The model: cnp (conditional neural process), np (latent neural process) or "
                    + "attentive_np (latent neural process with dot-product cross-attention).");

    /** Width of the deterministic representation r. */
    public static final OptionDescription REPRESENTATION_DIM = OptionDescription.ofInt("representationDim", 128,
            Constraint.atLeast(1), "Width of the deterministic representation r of the context.")
            .withFlag("representation");

    /** Width of the latent variable z. */
    public static final OptionDescription LATENT_DIM = OptionDescription.ofInt("latentDim", 128,
            Constraint.atLeast(1), "Number of latent dimensions of z (np and attentive_np only).")
            .withFlag("latent");

    /** Hidden layer widths of every perceptron. */
    public static final OptionDescription HIDDEN = OptionDescription.ofIntList("hidden", List.of(128, 128, 128),
            Constraint.eachAtLeast(1), "Hidden layer widths of the encoders and the decoder, comma-separated.");

    /** Number of training steps. */
    public static final OptionDescription STEPS = OptionDescription.ofInt("steps", 2000, Constraint.atLeast(1),
            "Number of training steps, each on batchSize random context/target splits of the training rows.");

    /** Tasks per step. */
    public static final OptionDescription BATCH_SIZE = OptionDescription.ofInt("batchSize", 16,
            Constraint.atLeast(1), "Tasks (random context/target splits) per training step.").withFlag("batch");

    /** Adam's step size. */
    public static final OptionDescription LEARNING_RATE = OptionDescription.ofDouble("learningRate", 5e-4,
            Constraint.positive(), "Step size of the Adam optimizer.").withFlag("lr");

    /** Fewest context points of a training task. */
    public static final OptionDescription MIN_CONTEXT = OptionDescription.ofInt("minContext", 3,
            Constraint.atLeast(1), "Fewest context rows of a training task.").withFlag("min-context");

    /** Most context points, in training and prediction. */
    public static final OptionDescription MAX_CONTEXT = OptionDescription.ofInt("maxContext", 500,
            Constraint.atLeast(1), "Most context rows, in training tasks and in prediction: predicting new rows "
                    + "uses a seeded random subset of this many training rows (all of them if fewer).")
            .withFlag("max-context");

    /** Most target points of a training task. */
    public static final OptionDescription MAX_TARGETS = OptionDescription.ofInt("maxTargets", 500,
            Constraint.atLeast(2), "Most rows of a training task (its context rows and further target rows).")
            .withFlag("max-targets");

    /** Draws of z that a latent model's prediction averages over. */
    public static final OptionDescription PREDICTION_SAMPLES = OptionDescription.ofInt("predictionSamples", 32,
            Constraint.atLeast(1), "Draws of z that the predictive mean and variance of np and attentive_np "
                    + "average over.").withFlag("prediction-samples");

    /** Random seed. */
    public static final OptionDescription SEED = OptionDescription.ofLong("seed", 1, Constraint.any(),
            "Seed for initialisation, the training tasks, the prediction context and the draws of z.");

    /** Where training runs. */
    public static final OptionDescription DEVICE = OptionDescription.ofEnum("device", DeviceChoice.class,
            DeviceChoice.AUTO, "Where to train: auto (a GPU if the CUDA build sees one, else the CPU), cpu or gpu.");

    /** Every option, in the order option maps and help screens list them. */
    public static final List<OptionDescription> ALL = List.of(MODEL, REPRESENTATION_DIM, LATENT_DIM, HIDDEN, STEPS,
            BATCH_SIZE, LEARNING_RATE, MIN_CONTEXT, MAX_CONTEXT, MAX_TARGETS, PREDICTION_SAMPLES, SEED, DEVICE);

    private NeuralProcessOptions() {}

    /**
     * The description of the option called {@code name}.
     *
     * @throws InvalidOptionException if there is none
     */
    public static OptionDescription named(String name) {
        return OptionValues.find(ALL, name);
    }

    /** Every option at its default. */
    public static OptionValues defaults() {
        return OptionValues.of(ALL, java.util.Map.of(), null);
    }

    /**
     * The given typed values (keys are option names), the defaults for the others.
     *
     * @throws InvalidOptionException naming an unknown option or a value it does not accept
     */
    public static OptionValues of(Map<String, ?> values) {
        return OptionValues.of(ALL, values, null);
    }

    /**
     * The values written as text (keys are option names), the defaults for the others.
     *
     * @throws InvalidOptionException naming an unknown option or a value it cannot parse or does not accept
     */
    public static OptionValues parse(Map<String, String> texts) {
        return OptionValues.parse(ALL, texts, null);
    }
}
