package org.vae4j.tribuo;

import java.time.OffsetDateTime;
import java.util.Arrays;
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
import org.tribuo.Trainer;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.ObjectiveKind;
import org.vae4j.vae.Vae;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;

/**
 * Trains a variational autoencoder on the features of any Tribuo dataset and returns a
 * {@link VaeFeatureModel}: latent features for new examples, synthetic examples, reconstructions and
 * anomaly scores. Outputs are ignored, unless {@code conditional} is set: then the dataset must hold
 * {@code Label}s and the label is the VAE's condition (a conditional VAE, for class-aware generation).
 *
 * <p>It is a {@code Trainer<Regressor>} because its model predicts the latent vector as a
 * {@link Regressor}; {@link #trainFeatures} accepts a dataset of any output type. Each training uses a
 * seed derived from {@code seed} and the invocation count, so {@link #setInvocationCount} reproduces a
 * model (exactly on the CPU). The options mirror {@link VaeConfig}; invalid values fail in
 * {@link #postConfig()} with a {@link PropertyException} naming the option.
 */
public final class VaeFeatureTrainer implements Trainer<Regressor> {

    @Config(description = "Number of latent dimensions.")
    private int latentDim = 10;

    @Config(description = "Hidden layer widths of the encoder; the decoder mirrors them unless decoderHidden is set.")
    private int[] hidden = {128};

    @Config(description = "Hidden layer widths of the decoder (default: hidden, reversed; empty = linear decoder).")
    private int[] decoderHidden;

    @Config(description = "Likelihood of numeric features: GAUSSIAN (tabular), BERNOULLI (values in [0, 1], images; "
            + "binary cross-entropy, so scores are not densities) or CONTINUOUS_BERNOULLI (a density on [0, 1]).")
    private NumericLikelihood numericLikelihood = NumericLikelihood.GAUSSIAN;

    @Config(description = "Standardise Gaussian features before modelling.")
    private boolean standardize = true;

    @Config(description = "Maximum number of passes over the training examples.")
    private int epochs = 50;

    @Config(description = "Examples per mini-batch.")
    private int batchSize = 64;

    @Config(description = "Adam's step size.")
    private double learningRate = 1e-3;

    @Config(description = "Final weight of the KL term (1 = the ELBO).")
    private double beta = 1.0;

    @Config(description = "Epochs over which the KL weight rises from 0 to beta.")
    private double warmupEpochs = 0.0;

    @Config(description = "Per-dimension KL floor in nats (0 = off).")
    private double freeBits = 0.0;

    @Config(description = "Training objective: ANALYTIC_ELBO, MONTE_CARLO_ELBO or IMPORTANCE_WEIGHTED.")
    private ObjectiveKind objective = ObjectiveKind.ANALYTIC_ELBO;

    @Config(description = "Importance samples per example for the IMPORTANCE_WEIGHTED objective.")
    private int trainingSamples = 5;

    @Config(description = "Seed from which each training's seed is derived.")
    private long seed = Trainer.DEFAULT_SEED;

    @Config(description = "Where training runs: AUTO, CPU or GPU.")
    private DeviceChoice device = DeviceChoice.AUTO;

    @Config(description = "Fraction of examples held out for early stopping (0 = none).")
    private double validationFraction = 0.0;

    @Config(description = "Epochs without a better validation ELBO before training stops.")
    private int patience = 10;

    @Config(description = "Condition the VAE on the label (needs a Dataset<Label>).")
    private boolean conditional = false;

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
        this.latentDim = config.latentDim();
        this.hidden = toArray(config.encoderHidden());
        this.decoderHidden = toArray(config.decoderHidden());
        this.numericLikelihood = config.numericLikelihood();
        this.standardize = config.standardize();
        this.epochs = config.epochs();
        this.batchSize = config.batchSize();
        this.learningRate = config.learningRate();
        this.beta = config.beta();
        this.warmupEpochs = config.warmupEpochs();
        this.freeBits = config.freeBits();
        this.objective = config.objective();
        this.trainingSamples = config.trainingSamples();
        this.seed = config.seed();
        this.device = config.device();
        this.validationFraction = config.validationFraction();
        this.patience = config.patience();
        this.conditional = conditional;
        this.includeStd = includeStd;
        this.absentFeatures = absentFeatures;
        postConfig();
    }

    private static int[] toArray(List<Integer> widths) {
        return widths.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Validates the options.
     *
     * @throws PropertyException naming the first invalid option
     */
    @Override
    public void postConfig() {
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
        VaeConfig.Builder builder = VaeConfig.builder();
        if (hidden == null) {
            throw new InvalidOptionException("hidden", "must be set (it may be empty)", null);
        }
        List<Integer> encoder = Arrays.stream(hidden).boxed().toList();
        if (decoderHidden == null) {
            builder.hidden(encoder);
        } else {
            builder.encoderHidden(encoder).decoderHidden(Arrays.stream(decoderHidden).boxed().toList());
        }
        return builder.latentDim(latentDim).numericLikelihood(numericLikelihood).standardize(standardize)
                .epochs(epochs).batchSize(batchSize).learningRate(learningRate).beta(beta).warmupEpochs(warmupEpochs)
                .freeBits(freeBits).objective(objective).trainingSamples(trainingSamples).seed(trainingSeed)
                .device(device).validationFraction(validationFraction).patience(patience).shuffle(true).build();
    }

    /** Whether the VAE is conditioned on the label. */
    public boolean isConditional() {
        return conditional;
    }

    /** Trains on a regression dataset; the targets are ignored. */
    @Override
    public VaeFeatureModel train(Dataset<Regressor> examples) {
        return trainFeatures(examples, Collections.emptyMap(), INCREMENT_INVOCATION_COUNT);
    }

    /** Trains on a regression dataset; the targets are ignored. */
    @Override
    public VaeFeatureModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return trainFeatures(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    /** Trains on a regression dataset; the targets are ignored. */
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
     * Trains on the features of a dataset of any output type (its labels, for a conditional VAE).
     *
     * @param runProvenance extra provenance recorded in the model
     * @param invocationCount the invocation count to train as, or {@link #INCREMENT_INVOCATION_COUNT}
     * @throws IllegalArgumentException for a dataset without features, a bad feature value, or (conditional)
     *     a dataset that does not hold at least two labels
     */
    public synchronized <T extends Output<T>> VaeFeatureModel trainFeatures(Dataset<T> examples,
            Map<String, Provenance> runProvenance, int invocationCount) {
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (features.size() == 0 || examples.size() == 0) {
            throw new IllegalArgumentException("cannot train a VAE on a dataset with " + examples.size()
                    + " examples and " + features.size() + " features");
        }
        ExampleConverter converter = new ExampleConverter(features, absentFeatures,
                conditional ? labelsOf(examples) : List.of());

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

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("The supplied invocationCount is less than zero.");
        }
        this.invocationCount = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "VaeFeatureTrainer(" + vaeConfig(seed).toMap() + ", conditional=" + conditional + ", includeStd="
                + includeStd + ", absentFeatures=" + absentFeatures + ")";
    }
}
