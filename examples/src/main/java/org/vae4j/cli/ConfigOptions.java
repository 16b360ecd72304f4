package org.vae4j.cli;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.VaeConfig;

import picocli.CommandLine.Option;

/** The model and training options of {@code train}, turned into a {@link VaeConfig}. */
final class ConfigOptions {

    @Option(names = "--latent", paramLabel = "M", defaultValue = "10", description = "Latent dimensions (default ${DEFAULT-VALUE}).")
    int latent;

    @Option(names = "--hidden", paramLabel = "400[,200]", defaultValue = "128",
            description = "Hidden layer widths of the encoder; the decoder mirrors them (default ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "20", description = "Most passes over the data (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Rows per mini-batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-3", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "1", description = "Weight of the KL term (default ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--warmup", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Epochs over which the KL weight rises from 0 to beta (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where to train (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of rows held out to watch the ELBO and stop early (default ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "10",
            description = "Epochs without a better validation ELBO before stopping (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--likelihood", paramLabel = "gaussian|bernoulli|continuous_bernoulli",
            description = "Model for numeric columns (default: bernoulli for IDX images, else gaussian); bernoulli on "
                    + "grey levels is binary cross-entropy, continuous_bernoulli a density on [0, 1].")
    NumericLikelihood likelihood;

    /**
     * The configuration.
     *
     * @param defaultLikelihood the likelihood when {@code --likelihood} is not given
     * @throws org.vae4j.vae.InvalidOptionException naming core's option that is out of range (the
     *     {@link ErrorHandler} reports it by its flag)
     * @throws CliException for an unknown {@code --device}
     */
    VaeConfig config(NumericLikelihood defaultLikelihood) {
        NumericLikelihood numeric = likelihood == null ? defaultLikelihood : likelihood;
        return VaeConfig.builder()
                .latentDim(latent)
                .hidden(VaeConfig.parseLayers("encoderHidden", hidden))
                .numericLikelihood(numeric)
                .standardize(numeric == NumericLikelihood.GAUSSIAN)
                .epochs(epochs)
                .batchSize(batch)
                .learningRate(lr)
                .beta(beta)
                .warmupEpochs(warmup)
                .seed(seed)
                .device(device(device))
                .validationFraction(validation)
                .patience(patience)
                .build();
    }

    /**
     * The device a {@code --device} value names.
     *
     * @throws CliException naming the flag and the values it takes
     */
    static DeviceChoice device(String text) {
        try {
            return DeviceChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("--device must be one of auto, cpu, gpu; got '" + text + "'");
        }
    }
}
