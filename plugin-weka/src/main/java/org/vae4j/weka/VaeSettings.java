package org.vae4j.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.vae.VaeConfig;

import weka.core.Option;
import weka.core.Utils;

/**
 * The network and training settings that the vae4j filters and the data generator share, with their
 * command-line form. Defaults suit the small tables Weka users typically have: a 2-d latent space, one
 * hidden layer of 32 units, and enough epochs for a few hundred rows to converge.
 *
 * <p>Option values are parsed strictly: a malformed or out-of-range value makes {@link #setOptions}
 * throw an exception naming the option, so a typo never silently falls back to a default.
 */
public final class VaeSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int DEFAULT_LATENT_DIM = 2;
    static final String DEFAULT_HIDDEN = "32";
    static final int DEFAULT_EPOCHS = 100;
    static final int DEFAULT_BATCH_SIZE = 64;
    static final double DEFAULT_LEARNING_RATE = 0.005;
    static final double DEFAULT_BETA = 1;
    static final double DEFAULT_WARMUP = 0;
    static final String DEFAULT_DEVICE = "auto";
    static final double DEFAULT_VALIDATION = 0;
    static final int DEFAULT_PATIENCE = 10;

    private int latentDim = DEFAULT_LATENT_DIM;
    private String hiddenLayers = DEFAULT_HIDDEN;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private double beta = DEFAULT_BETA;
    private double warmupEpochs = DEFAULT_WARMUP;
    private String device = DEFAULT_DEVICE;
    private double validationFraction = DEFAULT_VALIDATION;
    private int patience = DEFAULT_PATIENCE;

    /** The command-line options, in the order {@link #getOptions()} writes them. */
    public static List<Option> listOptions() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("\tNumber of latent dimensions.\n\t(default " + DEFAULT_LATENT_DIM + ")",
                "L", 1, "-L <num>"));
        options.add(new Option("\tHidden layer widths of the encoder, comma-separated; the decoder mirrors them.\n"
                + "\t(default " + DEFAULT_HIDDEN + ")", "H", 1, "-H <widths>"));
        options.add(new Option("\tMaximum number of training epochs.\n\t(default " + DEFAULT_EPOCHS + ")",
                "E", 1, "-E <num>"));
        options.add(new Option("\tRows per mini-batch.\n\t(default " + DEFAULT_BATCH_SIZE + ")",
                "mini-batch", 1, "-mini-batch <num>"));
        options.add(new Option("\tAdam learning rate.\n\t(default " + DEFAULT_LEARNING_RATE + ")",
                "learning-rate", 1, "-learning-rate <num>"));
        options.add(new Option("\tWeight beta of the KL term (1 = the ELBO).\n\t(default " + DEFAULT_BETA + ")",
                "beta", 1, "-beta <num>"));
        options.add(new Option("\tEpochs of linear KL warm-up from 0 to beta.\n\t(default " + DEFAULT_WARMUP + ")",
                "warmup", 1, "-warmup <num>"));
        options.add(new Option("\tDevice: auto, cpu or gpu.\n\t(default " + DEFAULT_DEVICE + ")",
                "device", 1, "-device <auto|cpu|gpu>"));
        options.add(new Option("\tFraction of rows held out for early stopping (0 = none).\n"
                + "\t(default " + DEFAULT_VALIDATION + ")", "validation", 1, "-validation <fraction>"));
        options.add(new Option("\tEpochs without improvement before early stopping.\n\t(default "
                + DEFAULT_PATIENCE + ")", "patience", 1, "-patience <num>"));
        return options;
    }

    /**
     * Reads the settings from {@code options}, removing the ones it uses; absent options get their
     * defaults.
     *
     * @throws IllegalArgumentException naming the option for a malformed or invalid value
     */
    public void setOptions(String[] options) throws Exception {
        latentDim = parse(options, "L", DEFAULT_LATENT_DIM, Integer::valueOf);
        hiddenLayers = parse(options, "H", DEFAULT_HIDDEN, Function.identity());
        epochs = parse(options, "E", DEFAULT_EPOCHS, Integer::valueOf);
        batchSize = parse(options, "mini-batch", DEFAULT_BATCH_SIZE, Integer::valueOf);
        learningRate = parse(options, "learning-rate", DEFAULT_LEARNING_RATE, Double::valueOf);
        beta = parse(options, "beta", DEFAULT_BETA, Double::valueOf);
        warmupEpochs = parse(options, "warmup", DEFAULT_WARMUP, Double::valueOf);
        device = parse(options, "device", DEFAULT_DEVICE, Function.identity());
        validationFraction = parse(options, "validation", DEFAULT_VALIDATION, Double::valueOf);
        patience = parse(options, "patience", DEFAULT_PATIENCE, Integer::valueOf);
        toConfig(1);
    }

    private static <T> T parse(String[] options, String flag, T fallback, Function<String, T> parser)
            throws Exception {
        String text = Utils.getOption(flag, options);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option -" + flag + ": '" + text + "' is not a number", e);
        }
    }

    /** The settings as command-line options. */
    public List<String> getOptions() {
        return List.of("-L", Integer.toString(latentDim), "-H", hiddenLayers, "-E", Integer.toString(epochs),
                "-mini-batch", Integer.toString(batchSize), "-learning-rate", Double.toString(learningRate),
                "-beta", Double.toString(beta), "-warmup", Double.toString(warmupEpochs), "-device", device,
                "-validation", Double.toString(validationFraction), "-patience", Integer.toString(patience));
    }

    /**
     * The engine configuration for these settings.
     *
     * @param seed the seed for initialisation, shuffling and sampling
     * @throws IllegalArgumentException naming the setting that is invalid
     */
    public VaeConfig toConfig(long seed) {
        return VaeConfig.builder()
                .latentDim(latentDim)
                .hidden(VaeConfig.parseLayers("hiddenLayers", hiddenLayers))
                .epochs(epochs)
                .batchSize(batchSize)
                .learningRate(learningRate)
                .beta(beta)
                .warmupEpochs(warmupEpochs)
                .device(DeviceChoice.parse(device))
                .validationFraction(validationFraction)
                .patience(patience)
                .seed(seed)
                .build();
    }

    int latentDim() {
        return latentDim;
    }

    void latentDim(int value) {
        latentDim = value;
    }

    String hiddenLayers() {
        return hiddenLayers;
    }

    void hiddenLayers(String value) {
        hiddenLayers = value;
    }

    int epochs() {
        return epochs;
    }

    void epochs(int value) {
        epochs = value;
    }

    int batchSize() {
        return batchSize;
    }

    void batchSize(int value) {
        batchSize = value;
    }

    double learningRate() {
        return learningRate;
    }

    void learningRate(double value) {
        learningRate = value;
    }

    double beta() {
        return beta;
    }

    void beta(double value) {
        beta = value;
    }

    double warmupEpochs() {
        return warmupEpochs;
    }

    void warmupEpochs(double value) {
        warmupEpochs = value;
    }

    String device() {
        return device;
    }

    void device(String value) {
        device = value;
    }

    double validationFraction() {
        return validationFraction;
    }

    void validationFraction(double value) {
        validationFraction = value;
    }

    int patience() {
        return patience;
    }

    void patience(int value) {
        patience = value;
    }
}
