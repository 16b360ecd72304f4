package org.vae4j.vae;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.nn.HiddenLayer;
import org.vae4j.nn.WeightInit;
import org.vae4j.options.ComponentSpec;
import org.vae4j.options.OptionValues;
import org.vae4j.preprocess.ColumnTypes;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * Everything that defines how a VAE is built and trained: checked values for the options {@link VaeOptions}
 * describes, immutable, validated when built, and convertible to and from a flat string map (the form it
 * takes in model files and option strings). Every validation error is an {@link InvalidOptionException}
 * naming the option it is about. Defaults are {@link VaeOptions}'s.
 */
public final class VaeConfig {

    /** Options a model file may lack: files written before the option registry were trained with their defaults. */
    private static final Set<String> ADDED_TO_FILES = Set.of(VaeOptions.GUIDE.name(), VaeOptions.PRIOR.name(),
            VaeOptions.HIDDEN_LAYER.name(), VaeOptions.WEIGHT_INIT.name(), VaeOptions.CLAMP_LOG_VARIANCE.name(),
            VaeOptions.DYNAMIC_BINARIZATION.name(), VaeOptions.COLUMN_TYPES.name());

    private final OptionValues values;

    private VaeConfig(OptionValues values) {
        this.values = values;
        // The layers that do not depend on the data already have their sizes: check them with the narrowest
        // data (one column), so an impossible size fails here rather than when training allocates it.
        ParameterShapes.checkSize(ParameterShapes.of(this, 1, 0, false, 0));
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return fromMap(toMap());
    }

    /** The values of every option of {@link VaeOptions#ALL}. */
    public OptionValues values() {
        return values;
    }

    /** M, the number of latent dimensions. */
    public int latentDim() {
        return values.intValue(VaeOptions.LATENT_DIM.name());
    }

    /** Hidden layer widths of the inference network. */
    public List<Integer> encoderHidden() {
        return layers(VaeOptions.ENCODER_HIDDEN.name());
    }

    /** Hidden layer widths of the decoder (by default the encoder's, reversed; empty = linear decoder). */
    public List<Integer> decoderHidden() {
        return layers(VaeOptions.DECODER_HIDDEN.name());
    }

    @SuppressWarnings("unchecked")
    private List<Integer> layers(String name) {
        return (List<Integer>) values.get(name);
    }

    /** How numeric columns are modelled. */
    public NumericLikelihood numericLikelihood() {
        return NumericLikelihood.valueOf(values.text(VaeOptions.NUMERIC_LIKELIHOOD.name()).toUpperCase(Locale.ROOT));
    }

    /** Whether Gaussian numeric columns are standardised before modelling. */
    public boolean standardize() {
        return values.booleanValue(VaeOptions.STANDARDIZE.name());
    }

    /** The numeric column types declared instead of detected (see {@link ColumnTypes}). */
    public ColumnTypes columnTypes() {
        return ColumnTypes.parse(values.text(VaeOptions.COLUMN_TYPES.name()));
    }

    /** The kind of the hidden layers of both networks. */
    public HiddenLayer hiddenLayer() {
        return HiddenLayer.valueOf(values.text(VaeOptions.HIDDEN_LAYER.name()).toUpperCase(Locale.ROOT));
    }

    /** How the networks' fully connected layers are initialised. */
    public WeightInit weightInit() {
        return WeightInit.valueOf(values.text(VaeOptions.WEIGHT_INIT.name()).toUpperCase(Locale.ROOT));
    }

    /** Whether the guide's log-variances are clamped to [-6, 2] (hardtanh). */
    public boolean clampLogVariance() {
        return values.booleanValue(VaeOptions.CLAMP_LOG_VARIANCE.name());
    }

    /**
     * Whether numeric [0, 1] columns are dynamically binarized: every training step models a fresh draw
     * x ~ Bernoulli(value) of each such cell, from the run's seeded generator, and the validation rows are
     * binarized once with a fixed seed. This is the protocol of density-estimation benchmarks on grey-level
     * images; the model is then an honest Bernoulli model of binary images.
     */
    public boolean dynamicBinarization() {
        return values.booleanValue(VaeOptions.DYNAMIC_BINARIZATION.name());
    }

    /** Maximum number of passes over the training rows. */
    public int epochs() {
        return values.intValue(VaeOptions.EPOCHS.name());
    }

    /** Rows per mini-batch; the last partial batch is kept. */
    public int batchSize() {
        return values.intValue(VaeOptions.BATCH_SIZE.name());
    }

    /** Adam's step size. */
    public double learningRate() {
        return values.doubleValue(VaeOptions.LEARNING_RATE.name());
    }

    /** Final weight of the KL term (1: the ELBO). */
    public double beta() {
        return values.doubleValue(VaeOptions.BETA.name());
    }

    /** Epochs over which the KL weight rises linearly from 0 to beta (0: no warm-up). */
    public double warmupEpochs() {
        return values.doubleValue(VaeOptions.WARMUP_EPOCHS.name());
    }

    /** Per-dimension KL floor in nats for the analytic ELBO (0: off). */
    public double freeBits() {
        return values.doubleValue(VaeOptions.FREE_BITS.name());
    }

    /** The training objective and its options. */
    public ComponentSpec objective() {
        return (ComponentSpec) values.get(VaeOptions.OBJECTIVE.name());
    }

    /** The guide and its options. */
    public ComponentSpec guide() {
        return (ComponentSpec) values.get(VaeOptions.GUIDE.name());
    }

    /** The prior and its options. */
    public ComponentSpec prior() {
        return (ComponentSpec) values.get(VaeOptions.PRIOR.name());
    }

    /** Seed for initialisation, shuffling, the validation split and sampling. */
    public long seed() {
        return values.longValue(VaeOptions.SEED.name());
    }

    /** Where training runs. */
    public DeviceChoice device() {
        return DeviceChoice.parse(values.text(VaeOptions.DEVICE.name()));
    }

    /** Fraction of rows held out to monitor the ELBO and stop early (0: no hold-out). */
    public double validationFraction() {
        return values.doubleValue(VaeOptions.VALIDATION_FRACTION.name());
    }

    /** Epochs without a better validation ELBO before training stops. */
    public int patience() {
        return values.intValue(VaeOptions.PATIENCE.name());
    }

    /** Whether rows are reshuffled every epoch. */
    public boolean shuffle() {
        return values.booleanValue(VaeOptions.SHUFFLE.name());
    }

    /** This configuration as ordered key/value strings; {@link #fromMap} reverses it. */
    public Map<String, String> toMap() {
        return values.toTextMap();
    }

    /**
     * A builder holding the settings of a map written by {@link #toMap} (or by vae4j before the option
     * registry, see {@link LegacyOptions}); absent keys keep their defaults.
     *
     * @throws InvalidOptionException naming the option for an unknown key or a malformed value
     */
    public static Builder fromMap(Map<String, String> map) {
        Builder b = new Builder();
        for (Map.Entry<String, String> e : LegacyOptions.upgrade(map).entrySet()) {
            b.set(e.getKey(), e.getValue());
        }
        return b;
    }

    /**
     * The configuration a model file stores: like {@link #fromMap}, but every option {@link #toMap} writes must
     * be present (but those added since, whose defaults older files were trained with), since a default
     * standing in for a missing value could silently differ from what the model was trained with.
     *
     * @throws InvalidOptionException naming the first missing option, or as {@link #fromMap} and
     *     {@link Builder#build()} do
     */
    public static VaeConfig fromCompleteMap(Map<String, String> map) {
        for (String option : VaeOptions.ALL.stream().map(o -> o.name()).toList()) {
            if (!map.containsKey(option) && !ADDED_TO_FILES.contains(option)) {
                throw new InvalidOptionException(option, "is missing", null);
            }
        }
        return fromMap(map).build();
    }

    /**
     * Parses layer widths written as {@code 400,200} (empty for none).
     *
     * @throws InvalidOptionException naming {@code option} when a width is not an integer
     */
    public static List<Integer> parseLayers(String option, String text) {
        try {
            @SuppressWarnings("unchecked")
            List<Integer> widths = (List<Integer>) VaeOptions.ENCODER_HIDDEN.parse(text);
            return widths;
        } catch (InvalidOptionException e) {
            throw new InvalidOptionException(option, e.problem(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaeConfig c && toMap().equals(c.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "VaeConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final Map<String, Object> given = new HashMap<>();

        private Builder() {}

        /**
         * Sets the option called {@code name} from its text form, as {@link #toMap} writes it.
         *
         * @throws InvalidOptionException naming the option for an unknown name or a malformed value
         */
        public Builder set(String name, String text) {
            given.put(name, VaeOptions.named(name).parse(text));
            return this;
        }

        private Builder put(String name, Object value) {
            given.put(name, value);
            return this;
        }

        /** See {@link VaeConfig#latentDim()}. */
        public Builder latentDim(int value) {
            return put(VaeOptions.LATENT_DIM.name(), value);
        }

        /** Hidden widths for both networks: the encoder's as given, the decoder's reversed. */
        public Builder hidden(List<Integer> widths) {
            put(VaeOptions.DECODER_HIDDEN.name(), null);
            return encoderHidden(widths);
        }

        /** See {@link VaeConfig#encoderHidden()}. */
        public Builder encoderHidden(List<Integer> widths) {
            return put(VaeOptions.ENCODER_HIDDEN.name(), List.copyOf(widths));
        }

        /** See {@link VaeConfig#decoderHidden()}. */
        public Builder decoderHidden(List<Integer> widths) {
            return put(VaeOptions.DECODER_HIDDEN.name(), List.copyOf(widths));
        }

        /** See {@link VaeConfig#numericLikelihood()}. */
        public Builder numericLikelihood(NumericLikelihood value) {
            return put(VaeOptions.NUMERIC_LIKELIHOOD.name(), VaeOptions.NUMERIC_LIKELIHOOD.format(value));
        }

        /** See {@link VaeConfig#columnTypes()}: {@code name:type[+type],...}. */
        public Builder columnTypes(String value) {
            return put(VaeOptions.COLUMN_TYPES.name(), value);
        }

        /** See {@link VaeConfig#standardize()}. */
        public Builder standardize(boolean value) {
            return put(VaeOptions.STANDARDIZE.name(), value);
        }

        /** See {@link VaeConfig#hiddenLayer()}. */
        public Builder hiddenLayer(HiddenLayer value) {
            return put(VaeOptions.HIDDEN_LAYER.name(), VaeOptions.HIDDEN_LAYER.format(value));
        }

        /** See {@link VaeConfig#weightInit()}. */
        public Builder weightInit(WeightInit value) {
            return put(VaeOptions.WEIGHT_INIT.name(), VaeOptions.WEIGHT_INIT.format(value));
        }

        /** See {@link VaeConfig#clampLogVariance()}. */
        public Builder clampLogVariance(boolean value) {
            return put(VaeOptions.CLAMP_LOG_VARIANCE.name(), value);
        }

        /** See {@link VaeConfig#dynamicBinarization()}. */
        public Builder dynamicBinarization(boolean value) {
            return put(VaeOptions.DYNAMIC_BINARIZATION.name(), value);
        }

        /** See {@link VaeConfig#epochs()}. */
        public Builder epochs(int value) {
            return put(VaeOptions.EPOCHS.name(), value);
        }

        /** See {@link VaeConfig#batchSize()}. */
        public Builder batchSize(int value) {
            return put(VaeOptions.BATCH_SIZE.name(), value);
        }

        /** See {@link VaeConfig#learningRate()}. */
        public Builder learningRate(double value) {
            return put(VaeOptions.LEARNING_RATE.name(), value);
        }

        /** See {@link VaeConfig#beta()}. */
        public Builder beta(double value) {
            return put(VaeOptions.BETA.name(), value);
        }

        /** See {@link VaeConfig#warmupEpochs()}. */
        public Builder warmupEpochs(double value) {
            return put(VaeOptions.WARMUP_EPOCHS.name(), value);
        }

        /** See {@link VaeConfig#freeBits()}. */
        public Builder freeBits(double value) {
            return put(VaeOptions.FREE_BITS.name(), value);
        }

        /**
         * The objective, written {@code id[:key=value,...]}, such as {@code iwae:k=5}.
         *
         * @throws InvalidOptionException naming the objective or its option at fault
         */
        public Builder objective(String spec) {
            return set(VaeOptions.OBJECTIVE.name(), spec);
        }

        /**
         * The guide, written {@code id[:key=value,...]}.
         *
         * @throws InvalidOptionException naming the guide or its option at fault
         */
        public Builder guide(String spec) {
            return set(VaeOptions.GUIDE.name(), spec);
        }

        /**
         * The prior, written {@code id[:key=value,...]}.
         *
         * @throws InvalidOptionException naming the prior or its option at fault
         */
        public Builder prior(String spec) {
            return set(VaeOptions.PRIOR.name(), spec);
        }

        /** See {@link VaeConfig#seed()}. */
        public Builder seed(long value) {
            return put(VaeOptions.SEED.name(), value);
        }

        /** See {@link VaeConfig#device()}. */
        public Builder device(DeviceChoice value) {
            return put(VaeOptions.DEVICE.name(), value.optionValue());
        }

        /** See {@link VaeConfig#validationFraction()}. */
        public Builder validationFraction(double value) {
            return put(VaeOptions.VALIDATION_FRACTION.name(), value);
        }

        /** See {@link VaeConfig#patience()}. */
        public Builder patience(int value) {
            return put(VaeOptions.PATIENCE.name(), value);
        }

        /** See {@link VaeConfig#shuffle()}. */
        public Builder shuffle(boolean value) {
            return put(VaeOptions.SHUFFLE.name(), value);
        }

        /**
         * The validated configuration.
         *
         * @throws InvalidOptionException naming the first invalid option
         */
        public VaeConfig build() {
            OptionValues values = OptionValues.of(VaeOptions.ALL, given, null);
            String decoder = VaeOptions.DECODER_HIDDEN.name();
            if (values.get(decoder) == null) {
                @SuppressWarnings("unchecked")
                List<Integer> widths = new ArrayList<>((List<Integer>) values.get(VaeOptions.ENCODER_HIDDEN.name()));
                Collections.reverse(widths);
                Map<String, Object> resolved = new HashMap<>(given);
                resolved.put(decoder, List.copyOf(widths));
                values = OptionValues.of(VaeOptions.ALL, resolved, null);
            }
            if (values.booleanValue(VaeOptions.DYNAMIC_BINARIZATION.name())
                    && !values.text(VaeOptions.NUMERIC_LIKELIHOOD.name()).equals("bernoulli")) {
                throw new InvalidOptionException(VaeOptions.DYNAMIC_BINARIZATION.name(), "needs numericLikelihood "
                        + "bernoulli (binarized values are Bernoulli data), got "
                        + values.text(VaeOptions.NUMERIC_LIKELIHOOD.name()), null);
            }
            return new VaeConfig(values);
        }
    }
}
