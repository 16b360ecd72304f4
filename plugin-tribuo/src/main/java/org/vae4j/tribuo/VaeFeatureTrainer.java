package org.vae4j.tribuo;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.OutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.nn.HiddenLayer;
import org.vae4j.nn.WeightInit;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.Vae;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

/**
 * Trains a variational autoencoder on the features of any Tribuo dataset and returns a
 * {@link VaeFeatureModel}: latent features for new examples, synthetic examples, reconstructions and
 * anomaly scores. Outputs are ignored, unless {@code conditional} is set: then the dataset must hold
 * {@code Label}s and the label is the VAE's condition (a conditional VAE, for class-aware generation); or
 * unless {@code modelTarget} is set ({@link #modellingTarget}): then the dataset must hold {@link Regressor}s
 * and each regression dimension is one more numeric column, modelled with the features, so that generated
 * examples carry a target that goes with their features.
 *
 * <p>It is a {@code Trainer<Regressor>} because its model predicts the latent vector as a
 * {@link Regressor}; {@link #trainFeatures} accepts a dataset of any output type. Each training uses a
 * seed derived from {@code seed} and the invocation count, so {@link #setInvocationCount} reproduces a
 * model (exactly on the CPU). Its VAE options are those of {@link VaeOptions}, one {@code @Config} field
 * each, named as the option and starting at its one default; components are configured by their spec text
 * ({@code objective = iwae:k=5}) and so recorded in provenance. Invalid values fail in {@link #postConfig()}
 * with a {@link PropertyException} naming the option.
 */
public final class VaeFeatureTrainer implements Trainer<Regressor> {

    // One field per option of VaeOptions, named as the option and starting at its default (see OptionFields).

    @Config(description = "Number of latent dimensions.")
    private int latentDim = (Integer) VaeOptions.LATENT_DIM.defaultValue();

    @Config(description = "Hidden layer widths of the encoder; the decoder mirrors them unless decoderHidden is set.")
    private int[] encoderHidden = OptionFields.defaultInts(VaeOptions.ENCODER_HIDDEN);

    @Config(description = "Hidden layer widths of the decoder (unset: encoderHidden, reversed; empty = linear decoder).")
    private int[] decoderHidden = OptionFields.defaultInts(VaeOptions.DECODER_HIDDEN);

    @Config(description = "Likelihood of numeric features: GAUSSIAN (tabular), BERNOULLI (values in [0, 1], images; "
            + "binary cross-entropy, so scores are not densities) or CONTINUOUS_BERNOULLI (a density on [0, 1]).")
    private NumericLikelihood numericLikelihood = OptionFields.defaultOf(VaeOptions.NUMERIC_LIKELIHOOD,
            NumericLikelihood.class);

    @Config(description = "Standardise Gaussian features before modelling.")
    private boolean standardize = (Boolean) VaeOptions.STANDARDIZE.defaultValue();

    @Config(description = "Numeric feature types instead of those detected, as name:type[+type],... (types auto, "
            + "gaussian, unbounded, integer, positive, zero, modes; * for every other feature); empty detects all.")
    private String columnTypes = VaeOptions.COLUMN_TYPES.defaultText();

    @Config(description = "Hidden layers of both networks: RELU or GATED (the VampPrior paper's gated layers).")
    private HiddenLayer hiddenLayer = OptionFields.defaultOf(VaeOptions.HIDDEN_LAYER, HiddenLayer.class);

    @Config(description = "Initialisation of the fully connected layers: TORCH_UNIFORM or HE_NORMAL.")
    private WeightInit weightInit = OptionFields.defaultOf(VaeOptions.WEIGHT_INIT, WeightInit.class);

    @Config(description = "Clamp the guide's log-variances to [-6, 2].")
    private boolean clampLogVariance = (Boolean) VaeOptions.CLAMP_LOG_VARIANCE.defaultValue();

    @Config(description = "Dynamically binarize [0, 1] features at every training step (needs BERNOULLI).")
    private boolean dynamicBinarization = (Boolean) VaeOptions.DYNAMIC_BINARIZATION.defaultValue();

    @Config(description = "Maximum number of passes over the training examples.")
    private int epochs = (Integer) VaeOptions.EPOCHS.defaultValue();

    @Config(description = "Examples per mini-batch.")
    private int batchSize = (Integer) VaeOptions.BATCH_SIZE.defaultValue();

    @Config(description = "Adam's step size.")
    private double learningRate = (Double) VaeOptions.LEARNING_RATE.defaultValue();

    @Config(description = "Final weight of the KL term (1 = the ELBO).")
    private double beta = (Double) VaeOptions.BETA.defaultValue();

    @Config(description = "Epochs over which the KL weight rises from 0 to beta.")
    private double warmupEpochs = (Double) VaeOptions.WARMUP_EPOCHS.defaultValue();

    @Config(description = "Per-dimension KL floor in nats for the elbo objective (0 = off).")
    private double freeBits = (Double) VaeOptions.FREE_BITS.defaultValue();

    @Config(description = "Training objective, as id[:key=value,...]: elbo, mc-elbo, iwae:k=5, ...")
    private String objective = VaeOptions.OBJECTIVE.defaultText();

    @Config(description = "Guide (posterior), as id[:key=value,...].")
    private String guide = VaeOptions.GUIDE.defaultText();

    @Config(description = "Prior, as id[:key=value,...].")
    private String prior = VaeOptions.PRIOR.defaultText();

    @Config(description = "Seed from which each training's seed is derived.")
    private long seed = (Long) VaeOptions.SEED.defaultValue();

    @Config(description = "Where training runs: AUTO, CPU or GPU.")
    private DeviceChoice device = OptionFields.defaultOf(VaeOptions.DEVICE, DeviceChoice.class);

    @Config(description = "Fraction of examples held out for early stopping (0 = none).")
    private double validationFraction = (Double) VaeOptions.VALIDATION_FRACTION.defaultValue();

    @Config(description = "Epochs without a better validation ELBO before training stops.")
    private int patience = (Integer) VaeOptions.PATIENCE.defaultValue();

    @Config(description = "Reshuffle the training examples every epoch.")
    private boolean shuffle = (Boolean) VaeOptions.SHUFFLE.defaultValue();

    @Config(description = "Condition the VAE on the label (needs a Dataset<Label>).")
    private boolean conditional = false;

    @Config(description = "Model a Regressor target as numeric columns, one per dimension, so that generated "
            + "examples carry a target (needs a Dataset<Regressor>; encoding reads each example's target, missing "
            + "when unknown).")
    private boolean modelTarget = false;

    @Config(description = "Also write the posterior standard deviations as features z000_std, ...")
    private boolean includeStd = false;

    @Config(description = "What an absent feature means: ZERO (Tribuo's sparse convention) or MISSING "
            + "(dense data only: on sparse data such as text nearly every cell would be missing).")
    private AbsentFeatures absentFeatures = AbsentFeatures.ZERO;

    private int invocationCount = 0;

    /** For OLCUT. */
    private VaeFeatureTrainer() {}

    /** An unconditional trainer with the given VAE settings, zero for absent features and no std features. */
    public VaeFeatureTrainer(VaeConfig config) {
        this(config, false, false, AbsentFeatures.ZERO);
    }

    /**
     * A trainer with the given VAE settings.
     *
     * @param config the VAE's architecture and training settings (its seed seeds the trainer)
     * @param conditional whether to condition the VAE on the label (then train on a {@code Dataset<Label>})
     * @param includeStd whether latent features include the posterior standard deviations
     * @param absentFeatures what an absent feature means ({@link AbsentFeatures#MISSING} suits dense data only)
     */
    public VaeFeatureTrainer(VaeConfig config, boolean conditional, boolean includeStd,
            AbsentFeatures absentFeatures) {
        this(config, conditional, false, includeStd, absentFeatures);
    }

    private VaeFeatureTrainer(VaeConfig config, boolean conditional, boolean modelTarget, boolean includeStd,
            AbsentFeatures absentFeatures) {
        OptionFields.write(config, this);
        this.conditional = conditional;
        this.modelTarget = modelTarget;
        this.includeStd = includeStd;
        this.absentFeatures = absentFeatures;
        postConfig();
    }

    /**
     * A trainer whose VAE models a {@link Regressor} target as numeric columns next to the features, one per
     * dimension, so that {@link VaeFeatureModel#generate} draws examples whose targets go with their features.
     * Train it on a {@code Dataset<Regressor>}; examples it encodes afterwards give their target, or an unknown
     * output for a target that is missing.
     *
     * @param config the VAE's architecture and training settings (its seed seeds the trainer)
     * @param absentFeatures what an absent feature means ({@link AbsentFeatures#MISSING} suits dense data only)
     */
    public static VaeFeatureTrainer modellingTarget(VaeConfig config, AbsentFeatures absentFeatures) {
        return new VaeFeatureTrainer(config, false, true, false, absentFeatures);
    }

    /**
     * Validates the options.
     *
     * @throws PropertyException naming the first invalid option
     */
    @Override
    public void postConfig() {
        if (conditional && modelTarget) {
            throw new PropertyException("", "modelTarget", "cannot be combined with conditional: a Label output is "
                    + "the condition, a Regressor target is modelled as columns; set one of the two");
        }
        if (absentFeatures == null) {
            throw new PropertyException("", "absentFeatures", "must be ZERO or MISSING");
        }
        try {
            vaeConfig(seed);
        } catch (InvalidOptionException e) {
            throw new PropertyException(e, "", e.option(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new PropertyException(e, "", "", e.getMessage());
        }
    }

    /** The VAE settings of a training run with the given seed. */
    VaeConfig vaeConfig(long trainingSeed) {
        return OptionFields.read(this).seed(trainingSeed).build();
    }

    /** Whether the VAE is conditioned on the label. */
    public boolean isConditional() {
        return conditional;
    }

    /** Whether the VAE models a Regressor target as columns. */
    public boolean modelsTarget() {
        return modelTarget;
    }

    /** Trains on a regression dataset; the targets are ignored unless {@code modelTarget} is set. */
    @Override
    public VaeFeatureModel train(Dataset<Regressor> examples) {
        return trainFeatures(examples, Collections.emptyMap(), INCREMENT_INVOCATION_COUNT);
    }

    /** Trains on a regression dataset; the targets are ignored unless {@code modelTarget} is set. */
    @Override
    public VaeFeatureModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return trainFeatures(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    /** Trains on a regression dataset; the targets are ignored unless {@code modelTarget} is set. */
    @Override
    public VaeFeatureModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        return trainFeatures(examples, runProvenance, invocationCount);
    }

    /** Trains on the features of a dataset of any output type. */
    public <T extends Output<T>> VaeFeatureModel trainFeatures(Dataset<T> examples) {
        return trainFeatures(examples, Collections.emptyMap(), INCREMENT_INVOCATION_COUNT);
    }

    /**
     * Trains on the features of a dataset of any output type (its labels, for a conditional VAE; its
     * regression targets too, with {@code modelTarget}).
     *
     * @param runProvenance extra provenance recorded in the model
     * @param invocationCount the invocation count to train as, or {@link #INCREMENT_INVOCATION_COUNT}
     * @throws IllegalArgumentException for a dataset without features, a bad feature value, (conditional)
     *     a dataset that does not hold at least two labels, or (modelTarget) a dataset that does not hold
     *     Regressors or has a regression dimension named as a feature
     */
    public synchronized <T extends Output<T>> VaeFeatureModel trainFeatures(Dataset<T> examples,
            Map<String, Provenance> runProvenance, int invocationCount) {
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (features.size() == 0 || examples.size() == 0) {
            throw new IllegalArgumentException("cannot train a VAE on a dataset with " + examples.size()
                    + " examples and " + features.size() + " features");
        }
        ExampleConverter converter = new ExampleConverter(features, absentFeatures,
                conditional ? labelsOf(examples) : List.of(), modelTarget ? targetNamesOf(examples) : List.of());

        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        long trainingSeed = RunSeeds.forRun(seed, this.invocationCount);
        this.invocationCount++;
        Vae vae = new org.vae4j.vae.VaeTrainer(vaeConfig(trainingSeed))
                .fit(converter.toRows(examples, new LongAdder()).table());
        try {
            ModelProvenance provenance = new ModelProvenance(VaeFeatureModel.class.getName(), OffsetDateTime.now(),
                    examples.getProvenance(), trainerProvenance, runProvenance);
            return new VaeFeatureModel("vae-feature-model", provenance, features, vae, includeStd, absentFeatures);
        } catch (RuntimeException e) {
            vae.close();
            throw e;
        }
    }

    private static List<String> labelsOf(Dataset<?> examples) {
        if (!(examples.getOutputFactory() instanceof LabelFactory)) {
            throw new IllegalArgumentException("a conditional VAE needs a Dataset<Label>, got outputs made by "
                    + examples.getOutputFactory().getClass().getSimpleName());
        }
        List<String> labels = examples.getOutputInfo().getDomain().stream()
                .map(label -> label.getSerializableForm(false)).sorted().toList();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a conditional VAE needs at least two labels, got " + labels);
        }
        return labels;
    }

    /** The regression dimensions of a dataset's outputs, in name order (Tribuo's dimension order). */
    @SuppressWarnings("unchecked")
    private static List<String> targetNamesOf(Dataset<?> examples) {
        if (!(examples.getOutputFactory() instanceof RegressionFactory)) {
            throw new IllegalArgumentException("modelling the target (modelTarget) needs a Dataset<Regressor>, got "
                    + "outputs made by " + examples.getOutputFactory().getClass().getSimpleName());
        }
        return List.of(Regressor.extractNames((OutputInfo<Regressor>) examples.getOutputInfo()));
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        this.invocationCount = RunSeeds.checkedCount(invocationCount);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "VaeFeatureTrainer(" + vaeConfig(seed).toMap() + ", conditional=" + conditional + ", modelTarget="
                + modelTarget + ", includeStd="
                + includeStd + ", absentFeatures=" + absentFeatures + ")";
    }
}
