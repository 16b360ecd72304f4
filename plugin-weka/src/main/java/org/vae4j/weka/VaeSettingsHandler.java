package org.vae4j.weka;

/**
 * The VAE settings as bean properties with tip texts, for Weka's object editor: a class that holds a
 * {@link VaeSettings} implements this interface and so shows every setting in the GUI without
 * repeating a getter, a setter and a tip text per setting.
 */
public interface VaeSettingsHandler {

    /** The settings these properties read and write. */
    VaeSettings vaeSettings();

    /** See {@link #latentDimTipText()}. */
    default int getLatentDim() {
        return vaeSettings().latentDim();
    }

    /** See {@link #latentDimTipText()}. */
    default void setLatentDim(int value) {
        vaeSettings().latentDim(value);
    }

    /** Tip text for the latent size. */
    default String latentDimTipText() {
        return "Number of latent dimensions M (the size of z).";
    }

    /** See {@link #hiddenLayersTipText()}. */
    default String getHiddenLayers() {
        return vaeSettings().hiddenLayers();
    }

    /** See {@link #hiddenLayersTipText()}. */
    default void setHiddenLayers(String value) {
        vaeSettings().hiddenLayers(value);
    }

    /** Tip text for the hidden layers. */
    default String hiddenLayersTipText() {
        return "Hidden layer widths of the encoder, comma-separated (e.g. 64,32; empty for none); "
                + "the decoder uses them in reverse.";
    }

    /** See {@link #epochsTipText()}. */
    default int getEpochs() {
        return vaeSettings().epochs();
    }

    /** See {@link #epochsTipText()}. */
    default void setEpochs(int value) {
        vaeSettings().epochs(value);
    }

    /** Tip text for the number of epochs. */
    default String epochsTipText() {
        return "Maximum number of passes over the training data.";
    }

    /** See {@link #batchSizeTipText()}. */
    default int getBatchSize() {
        return vaeSettings().batchSize();
    }

    /** See {@link #batchSizeTipText()}. */
    default void setBatchSize(int value) {
        vaeSettings().batchSize(value);
    }

    /** Tip text for the mini-batch size. */
    default String batchSizeTipText() {
        return "Number of rows per training step (mini-batch).";
    }

    /** See {@link #learningRateTipText()}. */
    default double getLearningRate() {
        return vaeSettings().learningRate();
    }

    /** See {@link #learningRateTipText()}. */
    default void setLearningRate(double value) {
        vaeSettings().learningRate(value);
    }

    /** Tip text for the learning rate. */
    default String learningRateTipText() {
        return "Step size of the Adam optimizer.";
    }

    /** See {@link #betaTipText()}. */
    default double getBeta() {
        return vaeSettings().beta();
    }

    /** See {@link #betaTipText()}. */
    default void setBeta(double value) {
        vaeSettings().beta(value);
    }

    /** Tip text for beta. */
    default String betaTipText() {
        return "Weight of the KL term: 1 trains on the ELBO, larger values give smoother, more disentangled "
                + "latent spaces (beta-VAE), smaller ones sharper reconstructions.";
    }

    /** See {@link #warmupEpochsTipText()}. */
    default double getWarmupEpochs() {
        return vaeSettings().warmupEpochs();
    }

    /** See {@link #warmupEpochsTipText()}. */
    default void setWarmupEpochs(double value) {
        vaeSettings().warmupEpochs(value);
    }

    /** Tip text for the KL warm-up. */
    default String warmupEpochsTipText() {
        return "Epochs over which the KL weight rises linearly from 0 to beta (0 = no warm-up); "
                + "helps against posterior collapse.";
    }

    /** See {@link #deviceTipText()}. */
    default String getDevice() {
        return vaeSettings().device();
    }

    /** See {@link #deviceTipText()}. */
    default void setDevice(String value) {
        vaeSettings().device(value);
    }

    /** Tip text for the device. */
    default String deviceTipText() {
        return "Where to train: auto (a GPU if the CUDA build of the package sees one, else the CPU), cpu or gpu.";
    }

    /** See {@link #validationFractionTipText()}. */
    default double getValidationFraction() {
        return vaeSettings().validationFraction();
    }

    /** See {@link #validationFractionTipText()}. */
    default void setValidationFraction(double value) {
        vaeSettings().validationFraction(value);
    }

    /** Tip text for the validation fraction. */
    default String validationFractionTipText() {
        return "Fraction of the training rows held out to monitor the ELBO; training stops early when it no "
                + "longer improves and keeps the best epoch (0 = train for all epochs).";
    }

    /** See {@link #patienceTipText()}. */
    default int getPatience() {
        return vaeSettings().patience();
    }

    /** See {@link #patienceTipText()}. */
    default void setPatience(int value) {
        vaeSettings().patience(value);
    }

    /** Tip text for the patience. */
    default String patienceTipText() {
        return "Epochs without a better validation ELBO before training stops (with a validation fraction > 0).";
    }
}
