package org.vae4j.vae;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.nn.HiddenLayer;
import org.vae4j.nn.WeightInit;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * Everything that defines how a VAE is built and trained: immutable, validated when built, and
 * convertible to and from a flat string map (the form it takes in model files and option strings). Every
 * validation error is an {@link InvalidOptionException} naming the option it is about.
 */
public final class VaeConfig {

    private final int latentDim;
    private final List<Integer> encoderHidden;
    private final List<Integer> decoderHidden;
    private final NumericLikelihood numericLikelihood;
    private final boolean standardize;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double beta;
    private final double warmupEpochs;
    private final double freeBits;
    private final ObjectiveKind objective;
    private final int trainingSamples;
    private final long seed;
    private final DeviceChoice device;
    private final double validationFraction;
    private final int patience;
    private final boolean shuffle;
    private final HiddenLayer hiddenLayer;
    private final WeightInit weightInit;
    private final boolean clampLogVariance;
    private final boolean dynamicBinarization;

    private VaeConfig(Builder b) {
        latentDim = b.latentDim;
        encoderHidden = List.copyOf(b.encoderHidden);
        decoderHidden = b.decoderHidden == null ? reversed(encoderHidden) : List.copyOf(b.decoderHidden);
        numericLikelihood = b.numericLikelihood;
        standardize = b.standardize;
        epochs = b.epochs;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        beta = b.beta;
        warmupEpochs = b.warmupEpochs;
        freeBits = b.freeBits;
        objective = b.objective;
        trainingSamples = b.trainingSamples;
        seed = b.seed;
        device = b.device;
        validationFraction = b.validationFraction;
        patience = b.patience;
        shuffle = b.shuffle;
        hiddenLayer = b.hiddenLayer;
        weightInit = b.weightInit;
        clampLogVariance = b.clampLogVariance;
        dynamicBinarization = b.dynamicBinarization;
        validate();
    }

    private static List<Integer> reversed(List<Integer> list) {
        Integer[] copy = list.toArray(new Integer[0]);
        for (int i = 0; i < copy.length / 2; i++) {
            Integer t = copy[i];
            copy[i] = copy[copy.length - 1 - i];
            copy[copy.length - 1 - i] = t;
        }
        return List.of(copy);
    }

    private void validate() {
        require(latentDim >= 1, "latentDim", "must be >= 1", latentDim);
        for (int h : encoderHidden) {
            require(h >= 1, "encoderHidden", "layer widths must be >= 1", encoderHidden);
        }
        for (int h : decoderHidden) {
            require(h >= 1, "decoderHidden", "layer widths must be >= 1", decoderHidden);
        }
        require(numericLikelihood != null, "numericLikelihood", "must be set", null);
        require(epochs >= 1, "epochs", "must be >= 1", epochs);
        require(batchSize >= 1, "batchSize", "must be >= 1", batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", "must be finite and > 0",
                learningRate);
        require(beta >= 0 && Double.isFinite(beta), "beta", "must be finite and >= 0", beta);
        require(warmupEpochs >= 0 && Double.isFinite(warmupEpochs), "warmupEpochs", "must be finite and >= 0",
                warmupEpochs);
        require(freeBits >= 0 && Double.isFinite(freeBits), "freeBits", "must be finite and >= 0", freeBits);
        require(objective != null, "objective", "must be set", null);
        require(trainingSamples >= 1, "trainingSamples", "must be >= 1", trainingSamples);
        require(device != null, "device", "must be set", null);
        require(validationFraction >= 0 && validationFraction < 1, "validationFraction", "must be in [0, 1)",
                validationFraction);
        require(patience >= 1, "patience", "must be >= 1", patience);
        require(hiddenLayer != null, "hiddenLayer", "must be set", null);
        require(weightInit != null, "weightInit", "must be set", null);
        require(!dynamicBinarization || numericLikelihood == NumericLikelihood.BERNOULLI, "dynamicBinarization",
                "needs numericLikelihood BERNOULLI (binarized pixels are Bernoulli data)", numericLikelihood);
        // The layers that do not depend on the data already have their sizes: check them with the narrowest
        // data (one column), so an impossible size fails here rather than when training allocates it.
        ParameterShapes.checkSize(ParameterShapes.of(this, 1, 0, false, 0));
    }

    private static void require(boolean ok, String option, String rule, Object value) {
        if (!ok) {
            throw new InvalidOptionException(option, rule + ", got " + value, null);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return fromMap(toMap());
    }

    /** M, the number of latent dimensions (default 10). */
    public int latentDim() {
        return latentDim;
    }

    /** Hidden layer widths of the inference network (default [128]). */
    public List<Integer> encoderHidden() {
        return encoderHidden;
    }

    /** Hidden layer widths of the decoder (default: the encoder's, reversed; empty = linear decoder). */
    public List<Integer> decoderHidden() {
        return decoderHidden;
    }

    /** How numeric columns are modelled (default Gaussian). */
    public NumericLikelihood numericLikelihood() {
        return numericLikelihood;
    }

    /** Whether Gaussian numeric columns are standardised before modelling (default true). */
    public boolean standardize() {
        return standardize;
    }

    /** Maximum number of passes over the training rows (default 50). */
    public int epochs() {
        return epochs;
    }

    /** Rows per mini-batch (default 64); the last partial batch is kept. */
    public int batchSize() {
        return batchSize;
    }

    /** Adam's step size (default 1e-3). */
    public double learningRate() {
        return learningRate;
    }

    /** Final weight of the KL term (default 1: the ELBO). */
    public double beta() {
        return beta;
    }

    /** Epochs over which the KL weight rises linearly from 0 to beta (default 0: no warm-up). */
    public double warmupEpochs() {
        return warmupEpochs;
    }

    /** Per-dimension KL floor in nats for the analytic ELBO (default 0: off). */
    public double freeBits() {
        return freeBits;
    }

    /** The training objective (default the analytic-KL ELBO). */
    public ObjectiveKind objective() {
        return objective;
    }

    /** Importance samples per row for the importance-weighted objective (default 5). */
    public int trainingSamples() {
        return trainingSamples;
    }

    /** Seed for initialisation, shuffling, the validation split and sampling (default 1). */
    public long seed() {
        return seed;
    }

    /** Where training runs (default auto). */
    public DeviceChoice device() {
        return device;
    }

    /** Fraction of rows held out to monitor the ELBO and stop early (default 0: no hold-out). */
    public double validationFraction() {
        return validationFraction;
    }

    /** Epochs without a better validation ELBO before training stops (default 10). */
    public int patience() {
        return patience;
    }

    /** Whether rows are reshuffled every epoch (default true). */
    public boolean shuffle() {
        return shuffle;
    }

    /** The kind of the hidden layers of both networks (default ReLU). */
    public HiddenLayer hiddenLayer() {
        return hiddenLayer;
    }

    /** How the networks' fully connected layers are initialised (default like torch.nn.Linear). */
    public WeightInit weightInit() {
        return weightInit;
    }

    /**
     * Whether the guide's log-variances are clamped to [-6, 2] (hardtanh, as in the VampPrior paper's
     * networks; default false).
     */
    public boolean clampLogVariance() {
        return clampLogVariance;
    }

    /**
     * Whether numeric [0, 1] columns are dynamically binarized (default false): every training step models a
     * fresh draw x ~ Bernoulli(value) of each such cell, from the run's seeded generator, and the validation
     * rows are binarized once with a fixed seed. This is the protocol of density-estimation benchmarks on
     * grey-level images; the model is then an honest Bernoulli model of binary images. Needs the Bernoulli
     * numeric likelihood.
     */
    public boolean dynamicBinarization() {
        return dynamicBinarization;
    }

    /** This configuration as ordered key/value strings; {@link #fromMap} reverses it. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("latentDim", Integer.toString(latentDim));
        m.put("encoderHidden", join(encoderHidden));
        m.put("decoderHidden", join(decoderHidden));
        m.put("numericLikelihood", numericLikelihood.name());
        m.put("standardize", Boolean.toString(standardize));
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("learningRate", Double.toString(learningRate));
        m.put("beta", Double.toString(beta));
        m.put("warmupEpochs", Double.toString(warmupEpochs));
        m.put("freeBits", Double.toString(freeBits));
        m.put("objective", objective.name());
        m.put("trainingSamples", Integer.toString(trainingSamples));
        m.put("seed", Long.toString(seed));
        m.put("device", device.name());
        m.put("validationFraction", Double.toString(validationFraction));
        m.put("patience", Integer.toString(patience));
        m.put("shuffle", Boolean.toString(shuffle));
        m.put("hiddenLayer", hiddenLayer.name());
        m.put("weightInit", weightInit.name());
        m.put("clampLogVariance", Boolean.toString(clampLogVariance));
        m.put("dynamicBinarization", Boolean.toString(dynamicBinarization));
        return m;
    }

    /**
     * A builder holding the settings of a map written by {@link #toMap}; absent keys keep their defaults.
     *
     * @throws IllegalArgumentException naming the option for an unknown key or a malformed value
     */
    public static Builder fromMap(Map<String, String> map) {
        Builder b = new Builder();
        for (Map.Entry<String, String> e : map.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "latentDim" -> b.latentDim(parse(e.getKey(), v, Integer::parseInt));
                case "encoderHidden" -> b.encoderHidden(parseLayers(e.getKey(), v));
                case "decoderHidden" -> b.decoderHidden(parseLayers(e.getKey(), v));
                case "numericLikelihood" -> b.numericLikelihood(parse(e.getKey(), v,
                        s -> NumericLikelihood.valueOf(s.toUpperCase(Locale.ROOT))));
                case "standardize" -> b.standardize(parseBoolean(e.getKey(), v));
                case "epochs" -> b.epochs(parse(e.getKey(), v, Integer::parseInt));
                case "batchSize" -> b.batchSize(parse(e.getKey(), v, Integer::parseInt));
                case "learningRate" -> b.learningRate(parse(e.getKey(), v, Double::parseDouble));
                case "beta" -> b.beta(parse(e.getKey(), v, Double::parseDouble));
                case "warmupEpochs" -> b.warmupEpochs(parse(e.getKey(), v, Double::parseDouble));
                case "freeBits" -> b.freeBits(parse(e.getKey(), v, Double::parseDouble));
                case "objective" -> b.objective(parse(e.getKey(), v,
                        s -> ObjectiveKind.valueOf(s.toUpperCase(Locale.ROOT))));
                case "trainingSamples" -> b.trainingSamples(parse(e.getKey(), v, Integer::parseInt));
                case "seed" -> b.seed(parse(e.getKey(), v, Long::parseLong));
                case "device" -> b.device(parse(e.getKey(), v, DeviceChoice::parse));
                case "validationFraction" -> b.validationFraction(parse(e.getKey(), v, Double::parseDouble));
                case "patience" -> b.patience(parse(e.getKey(), v, Integer::parseInt));
                case "shuffle" -> b.shuffle(parseBoolean(e.getKey(), v));
                case "hiddenLayer" -> b.hiddenLayer(parse(e.getKey(), v,
                        s -> HiddenLayer.valueOf(s.toUpperCase(Locale.ROOT))));
                case "weightInit" -> b.weightInit(parse(e.getKey(), v,
                        s -> WeightInit.valueOf(s.toUpperCase(Locale.ROOT))));
                case "clampLogVariance" -> b.clampLogVariance(parseBoolean(e.getKey(), v));
                case "dynamicBinarization" -> b.dynamicBinarization(parseBoolean(e.getKey(), v));
                default -> throw new InvalidOptionException(e.getKey(), "is unknown", null);
            }
        }
        return b;
    }

    /**
     * Options added after model files first stored configurations. A file without one was written before it
     * existed, so its model was built and trained the way the option's default builds and trains.
     */
    private static final Set<String> ADDED_LATER = Set.of("hiddenLayer", "weightInit", "clampLogVariance",
            "dynamicBinarization");

    /**
     * The configuration a model file stores: like {@link #fromMap}, but every option {@link #toMap} writes must
     * be present, since a default standing in for a missing value could silently differ from what the model
     * was trained with. Options added later ({@code hiddenLayer}, {@code weightInit}, {@code clampLogVariance},
     * {@code dynamicBinarization}) are the exception: their defaults are what older files meant.
     *
     * @throws InvalidOptionException naming the first missing option, or as {@link #fromMap} and
     *     {@link Builder#build()} do
     */
    public static VaeConfig fromCompleteMap(Map<String, String> map) {
        for (String option : builder().build().toMap().keySet()) {
            if (!map.containsKey(option) && !ADDED_LATER.contains(option)) {
                throw new InvalidOptionException(option, "is missing", null);
            }
        }
        return fromMap(map).build();
    }

    private static <T> T parse(String option, String value, Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException ex) {
            throw new InvalidOptionException(option, "cannot parse '" + value + "'", ex);
        }
    }

    private static boolean parseBoolean(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new InvalidOptionException(option, "expects true or false, got '" + value + "'", null);
        }
        return Boolean.parseBoolean(v);
    }

    /**
     * Parses layer widths written as {@code 400,200} (empty for none).
     *
     * @throws IllegalArgumentException naming the option when a width is not a positive integer
     */
    public static List<Integer> parseLayers(String option, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(t.split(",", -1)).map(s -> parse(option, s, Integer::parseInt)).toList();
    }

    private static String join(List<Integer> layers) {
        return String.join(",", layers.stream().map(String::valueOf).toList());
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
        private int latentDim = 10;
        private List<Integer> encoderHidden = List.of(128);
        private List<Integer> decoderHidden;
        private NumericLikelihood numericLikelihood = NumericLikelihood.GAUSSIAN;
        private boolean standardize = true;
        private int epochs = 50;
        private int batchSize = 64;
        private double learningRate = 1e-3;
        private double beta = 1;
        private double warmupEpochs;
        private double freeBits;
        private ObjectiveKind objective = ObjectiveKind.ANALYTIC_ELBO;
        private int trainingSamples = 5;
        private long seed = 1;
        private DeviceChoice device = DeviceChoice.AUTO;
        private double validationFraction;
        private int patience = 10;
        private boolean shuffle = true;
        private HiddenLayer hiddenLayer = HiddenLayer.RELU;
        private WeightInit weightInit = WeightInit.TORCH_UNIFORM;
        private boolean clampLogVariance;
        private boolean dynamicBinarization;

        private Builder() {}

        /** See {@link VaeConfig#latentDim()}. */
        public Builder latentDim(int value) {
            latentDim = value;
            return this;
        }

        /** Hidden widths for both networks: the encoder's as given, the decoder's reversed. */
        public Builder hidden(List<Integer> widths) {
            encoderHidden = List.copyOf(widths);
            decoderHidden = null;
            return this;
        }

        /** See {@link VaeConfig#encoderHidden()}. */
        public Builder encoderHidden(List<Integer> widths) {
            encoderHidden = List.copyOf(widths);
            return this;
        }

        /** See {@link VaeConfig#decoderHidden()}. */
        public Builder decoderHidden(List<Integer> widths) {
            decoderHidden = List.copyOf(widths);
            return this;
        }

        /** See {@link VaeConfig#numericLikelihood()}. */
        public Builder numericLikelihood(NumericLikelihood value) {
            numericLikelihood = value;
            return this;
        }

        /** See {@link VaeConfig#standardize()}. */
        public Builder standardize(boolean value) {
            standardize = value;
            return this;
        }

        /** See {@link VaeConfig#epochs()}. */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** See {@link VaeConfig#batchSize()}. */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** See {@link VaeConfig#learningRate()}. */
        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** See {@link VaeConfig#beta()}. */
        public Builder beta(double value) {
            beta = value;
            return this;
        }

        /** See {@link VaeConfig#warmupEpochs()}. */
        public Builder warmupEpochs(double value) {
            warmupEpochs = value;
            return this;
        }

        /** See {@link VaeConfig#freeBits()}. */
        public Builder freeBits(double value) {
            freeBits = value;
            return this;
        }

        /** See {@link VaeConfig#objective()}. */
        public Builder objective(ObjectiveKind value) {
            objective = value;
            return this;
        }

        /** See {@link VaeConfig#trainingSamples()}. */
        public Builder trainingSamples(int value) {
            trainingSamples = value;
            return this;
        }

        /** See {@link VaeConfig#seed()}. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** See {@link VaeConfig#device()}. */
        public Builder device(DeviceChoice value) {
            device = value;
            return this;
        }

        /** See {@link VaeConfig#validationFraction()}. */
        public Builder validationFraction(double value) {
            validationFraction = value;
            return this;
        }

        /** See {@link VaeConfig#patience()}. */
        public Builder patience(int value) {
            patience = value;
            return this;
        }

        /** See {@link VaeConfig#shuffle()}. */
        public Builder shuffle(boolean value) {
            shuffle = value;
            return this;
        }

        /** See {@link VaeConfig#hiddenLayer()}. */
        public Builder hiddenLayer(HiddenLayer value) {
            hiddenLayer = value;
            return this;
        }

        /** See {@link VaeConfig#weightInit()}. */
        public Builder weightInit(WeightInit value) {
            weightInit = value;
            return this;
        }

        /** See {@link VaeConfig#clampLogVariance()}. */
        public Builder clampLogVariance(boolean value) {
            clampLogVariance = value;
            return this;
        }

        /** See {@link VaeConfig#dynamicBinarization()}. */
        public Builder dynamicBinarization(boolean value) {
            dynamicBinarization = value;
            return this;
        }

        /**
         * The validated configuration.
         *
         * @throws IllegalArgumentException naming the first invalid option
         */
        public VaeConfig build() {
            return new VaeConfig(this);
        }
    }
}
