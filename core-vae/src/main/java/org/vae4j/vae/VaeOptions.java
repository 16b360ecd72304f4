package org.vae4j.vae;

import java.util.List;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.nn.HiddenLayer;
import org.vae4j.nn.WeightInit;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.preprocess.ColumnTypes;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.components.ComponentKinds;

/**
 * The options of a VAE and its training, each described once with the one default vae4j has everywhere: the
 * command line's flags, Weka's options and properties and Tribuo's configuration are made from this list, and
 * {@link VaeConfig} holds checked values for it. The guide, prior and objective are components, each with
 * options of its own (see {@link org.vae4j.options.ComponentRegistry}).
 */
public final class VaeOptions {

    /** Number of latent dimensions. */
    public static final OptionDescription LATENT_DIM = OptionDescription.ofInt("latentDim", 10,
            Constraint.atLeast(1), "Number of latent dimensions M (the size of z).").withFlag("latent");

    /** Hidden layer widths of the encoder. */
    public static final OptionDescription ENCODER_HIDDEN = OptionDescription.ofIntList("encoderHidden", List.of(128),
            Constraint.eachAtLeast(1), "Hidden layer widths of the encoder, comma-separated (empty for none); "
                    + "the decoder mirrors them unless decoderHidden is set.").withFlag("hidden");

    /** Hidden layer widths of the decoder, or unset to mirror the encoder's. */
    public static final OptionDescription DECODER_HIDDEN = OptionDescription.ofIntList("decoderHidden", List.of(),
            Constraint.eachAtLeast(1), "Hidden layer widths of the decoder, comma-separated (empty for a linear "
                    + "decoder); mirror: the encoder's, reversed.").withFlag("decoder-hidden").unsetBy("mirror");

    /** The likelihood of numeric columns. */
    public static final OptionDescription NUMERIC_LIKELIHOOD = OptionDescription.ofEnum("numericLikelihood",
            NumericLikelihood.class, NumericLikelihood.GAUSSIAN, "How numeric columns are modelled: gaussian "
                    + "(learned variance, tabular data), bernoulli (values in [0, 1], images; on grey levels its "
                    + "scores are binary cross-entropies, not densities) or continuous_bernoulli (a density on [0, 1]).")
            .withFlag("likelihood");

    /** Whether Gaussian columns are standardised. */
    public static final OptionDescription STANDARDIZE = OptionDescription.ofBoolean("standardize", true,
            "Standardise Gaussian numeric columns (mean 0, variance 1) before modelling.");

    /** The numeric column types the user declares instead of those detected. */
    public static final OptionDescription COLUMN_TYPES = OptionDescription.ofText("columnTypes", "",
            new OptionDescription.TextForm("NAME:TYPE[+TYPE],...", "*:gaussian"),
            new Constraint("name:type[+type],... with the types " + String.join(", ", ColumnTypes.words()),
                    value -> ColumnTypes.isValid((String) value)),
            "Numeric column types, overriding those detected from the training data (by default every column "
                    + "stays within its training range, and integer, strictly positive skewed (log scale), "
                    + "zero-spiked and multi-modal columns are detected): name:type[+type],... with * for every "
                    + "other numeric column; types auto, gaussian (none of the traits), unbounded (may extrapolate), "
                    + "integer, positive (log scale), zero (an exact-zero spike), modes (mode-specific "
                    + "normalisation), e.g. age:integer,amount:positive+unbounded.").withFlag("column-types");

    /** The kind of hidden layer of both networks. */
    public static final OptionDescription HIDDEN_LAYER = OptionDescription.ofEnum("hiddenLayer", HiddenLayer.class,
            HiddenLayer.RELU, "Hidden layers of both networks: relu (linear + ReLU) or gated ((W1 x + b1) * "
                    + "sigmoid(W2 x + b2), the density-estimation networks of the VampPrior paper).")
            .withFlag("hidden-layer");

    /** How the fully connected layers are initialised. */
    public static final OptionDescription WEIGHT_INIT = OptionDescription.ofEnum("weightInit", WeightInit.class,
            WeightInit.TORCH_UNIFORM, "Initialisation of the fully connected layers: torch_uniform (like "
                    + "torch.nn.Linear) or he_normal (N(0, 2 / fan_in) weights, zero biases).")
            .withFlag("weight-init");

    /** Whether the guide's log-variances are clamped. */
    public static final OptionDescription CLAMP_LOG_VARIANCE = OptionDescription.ofBoolean("clampLogVariance", false,
            "Clamp the guide's log-variances to [-6, 2] (hardtanh), as the VampPrior paper's networks do.")
            .withFlag("clamp-log-variance");

    /** Dynamic binarization of [0, 1] columns. */
    public static final OptionDescription DYNAMIC_BINARIZATION = OptionDescription.ofBoolean("dynamicBinarization",
            false, "Model a fresh draw x ~ Bernoulli(value) of each [0, 1] numeric cell at every training step "
                    + "(validation rows binarized once with a fixed seed); needs the bernoulli likelihood.")
            .withFlag("dynamic-binarization");

    /** The guide component. */
    public static final OptionDescription GUIDE = OptionDescription.ofComponent("guide", ComponentKinds.GUIDE,
            "gaussian", "The posterior q(z | x), as id[:key=value,...].");

    /** The prior component. */
    public static final OptionDescription PRIOR = OptionDescription.ofComponent("prior", ComponentKinds.PRIOR,
            "normal", "The prior p(z), as id[:key=value,...].");

    /** The objective component. */
    public static final OptionDescription OBJECTIVE = OptionDescription.ofComponent("objective",
            ComponentKinds.OBJECTIVE, "elbo", "The training objective, as id[:key=value,...]; elbo has the KL "
                    + "in closed form, tcvae and factorvae penalise the total correlation of the codes.");

    /** Maximum number of epochs. */
    public static final OptionDescription EPOCHS = OptionDescription.ofInt("epochs", 50, Constraint.atLeast(1),
            "Maximum number of passes over the training rows.");

    /** Rows per mini-batch. */
    public static final OptionDescription BATCH_SIZE = OptionDescription.ofInt("batchSize", 64,
            Constraint.atLeast(1), "Rows per mini-batch (the last partial batch is kept).").withFlag("batch");

    /** Adam's step size. */
    public static final OptionDescription LEARNING_RATE = OptionDescription.ofDouble("learningRate", 1e-3,
            Constraint.positive(), "Step size of the Adam optimizer.").withFlag("lr");

    /** Final weight of the KL term. */
    public static final OptionDescription BETA = OptionDescription.ofDouble("beta", 1, Constraint.nonNegative(),
            "Final weight of the KL term: 1 trains on the ELBO, larger values give smoother latent spaces "
                    + "(beta-VAE), smaller ones sharper reconstructions.");

    /** KL warm-up length. */
    public static final OptionDescription WARMUP_EPOCHS = OptionDescription.ofDouble("warmupEpochs", 0,
            Constraint.nonNegative(), "Epochs over which the KL weight rises linearly from 0 to beta (0 = no "
                    + "warm-up); helps against posterior collapse.").withFlag("warmup");

    /** Free bits. */
    public static final OptionDescription FREE_BITS = OptionDescription.ofDouble("freeBits", 0,
            Constraint.nonNegative(), "Per-dimension KL floor in nats for the elbo objective (0 = off).")
            .withFlag("free-bits");

    /** Random seed. */
    public static final OptionDescription SEED = OptionDescription.ofLong("seed", 1, Constraint.any(),
            "Seed for initialisation, shuffling, the validation split and sampling.");

    /** Where training runs. */
    public static final OptionDescription DEVICE = OptionDescription.ofEnum("device", DeviceChoice.class,
            DeviceChoice.AUTO, "Where to train: auto (a GPU if the CUDA build sees one, else the CPU), cpu or gpu.");

    /** Held-out fraction for early stopping. */
    public static final OptionDescription VALIDATION_FRACTION = OptionDescription.ofDouble("validationFraction", 0,
            Constraint.fraction(), "Fraction of rows held out to monitor the ELBO; training stops early when it "
                    + "no longer improves and keeps the best epoch (0 = train for all epochs).")
            .withFlag("validation");

    /** Early-stopping patience. */
    public static final OptionDescription PATIENCE = OptionDescription.ofInt("patience", 10, Constraint.atLeast(1),
            "Epochs without a better validation ELBO before training stops (with a validation fraction > 0).");

    /** Whether rows are reshuffled every epoch. */
    public static final OptionDescription SHUFFLE = OptionDescription.ofBoolean("shuffle", true,
            "Reshuffle the training rows every epoch.");

    /** Every option, in the order option maps and help screens list them. */
    public static final List<OptionDescription> ALL = List.of(LATENT_DIM, ENCODER_HIDDEN, DECODER_HIDDEN,
            NUMERIC_LIKELIHOOD, STANDARDIZE, COLUMN_TYPES, HIDDEN_LAYER, WEIGHT_INIT, CLAMP_LOG_VARIANCE, DYNAMIC_BINARIZATION, EPOCHS, BATCH_SIZE, LEARNING_RATE, BETA, WARMUP_EPOCHS, FREE_BITS,
            OBJECTIVE, GUIDE, PRIOR, SEED, DEVICE, VALIDATION_FRACTION, PATIENCE, SHUFFLE);

    private VaeOptions() {}

    /**
     * The description of the option called {@code name}.
     *
     * @throws InvalidOptionException if there is none
     */
    public static OptionDescription named(String name) {
        return org.vae4j.options.OptionValues.find(ALL, name);
    }
}
