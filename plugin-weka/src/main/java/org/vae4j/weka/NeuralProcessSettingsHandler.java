package org.vae4j.weka;

import weka.core.SelectedTag;

/**
 * The neural-process settings as bean properties with tip texts, for Weka's object editor: a class that holds
 * a {@link NeuralProcessSettings} implements this interface and so shows every setting in the GUI. Each
 * property is named as its option in {@link org.vae4j.np.NeuralProcessOptions} and its tip text is the
 * option's help; choices are drop-down lists. Weka finds properties by their getters and setters only, so an
 * option of the registry needs its three lines here (a test checks that none is missing). One property is
 * renamed: option {@code batchSize} (tasks per training step) is {@code taskBatchSize}, since every Weka
 * classifier already has a {@code batchSize} property (rows per batch prediction).
 */
public interface NeuralProcessSettingsHandler {

    /** The settings these properties read and write. */
    NeuralProcessSettings neuralProcessSettings();

    /** See {@link #modelTipText()}. */
    default SelectedTag getModel() {
        return neuralProcessSettings().selectedTag("model");
    }

    /** See {@link #modelTipText()}. */
    default void setModel(SelectedTag value) {
        neuralProcessSettings().set("model", value.getSelectedTag().getIDStr());
    }

    /** @return the help of option model */
    default String modelTipText() {
        return neuralProcessSettings().tipText("model");
    }

    /** See {@link #representationDimTipText()}. */
    default int getRepresentationDim() {
        return (Integer) neuralProcessSettings().value("representationDim");
    }

    /** See {@link #representationDimTipText()}. */
    default void setRepresentationDim(int value) {
        neuralProcessSettings().set("representationDim", value);
    }

    /** @return the help of option representationDim */
    default String representationDimTipText() {
        return neuralProcessSettings().tipText("representationDim");
    }

    /** See {@link #latentDimTipText()}. */
    default int getLatentDim() {
        return (Integer) neuralProcessSettings().value("latentDim");
    }

    /** See {@link #latentDimTipText()}. */
    default void setLatentDim(int value) {
        neuralProcessSettings().set("latentDim", value);
    }

    /** @return the help of option latentDim */
    default String latentDimTipText() {
        return neuralProcessSettings().tipText("latentDim");
    }

    /** See {@link #hiddenTipText()}. */
    default String getHidden() {
        return neuralProcessSettings().text("hidden");
    }

    /** See {@link #hiddenTipText()}. */
    default void setHidden(String value) {
        neuralProcessSettings().set("hidden", value);
    }

    /** @return the help of option hidden */
    default String hiddenTipText() {
        return neuralProcessSettings().tipText("hidden");
    }

    /** See {@link #stepsTipText()}. */
    default int getSteps() {
        return (Integer) neuralProcessSettings().value("steps");
    }

    /** See {@link #stepsTipText()}. */
    default void setSteps(int value) {
        neuralProcessSettings().set("steps", value);
    }

    /** @return the help of option steps */
    default String stepsTipText() {
        return neuralProcessSettings().tipText("steps");
    }

    /** See {@link #taskBatchSizeTipText()}. */
    default int getTaskBatchSize() {
        return (Integer) neuralProcessSettings().value("batchSize");
    }

    /** See {@link #taskBatchSizeTipText()}. */
    default void setTaskBatchSize(int value) {
        neuralProcessSettings().set("batchSize", value);
    }

    /** @return the help of option batchSize */
    default String taskBatchSizeTipText() {
        return neuralProcessSettings().tipText("batchSize");
    }

    /** See {@link #learningRateTipText()}. */
    default double getLearningRate() {
        return (Double) neuralProcessSettings().value("learningRate");
    }

    /** See {@link #learningRateTipText()}. */
    default void setLearningRate(double value) {
        neuralProcessSettings().set("learningRate", value);
    }

    /** @return the help of option learningRate */
    default String learningRateTipText() {
        return neuralProcessSettings().tipText("learningRate");
    }

    /** See {@link #minContextTipText()}. */
    default int getMinContext() {
        return (Integer) neuralProcessSettings().value("minContext");
    }

    /** See {@link #minContextTipText()}. */
    default void setMinContext(int value) {
        neuralProcessSettings().set("minContext", value);
    }

    /** @return the help of option minContext */
    default String minContextTipText() {
        return neuralProcessSettings().tipText("minContext");
    }

    /** See {@link #maxContextTipText()}. */
    default int getMaxContext() {
        return (Integer) neuralProcessSettings().value("maxContext");
    }

    /** See {@link #maxContextTipText()}. */
    default void setMaxContext(int value) {
        neuralProcessSettings().set("maxContext", value);
    }

    /** @return the help of option maxContext */
    default String maxContextTipText() {
        return neuralProcessSettings().tipText("maxContext");
    }

    /** See {@link #maxTargetsTipText()}. */
    default int getMaxTargets() {
        return (Integer) neuralProcessSettings().value("maxTargets");
    }

    /** See {@link #maxTargetsTipText()}. */
    default void setMaxTargets(int value) {
        neuralProcessSettings().set("maxTargets", value);
    }

    /** @return the help of option maxTargets */
    default String maxTargetsTipText() {
        return neuralProcessSettings().tipText("maxTargets");
    }

    /** See {@link #predictionSamplesTipText()}. */
    default int getPredictionSamples() {
        return (Integer) neuralProcessSettings().value("predictionSamples");
    }

    /** See {@link #predictionSamplesTipText()}. */
    default void setPredictionSamples(int value) {
        neuralProcessSettings().set("predictionSamples", value);
    }

    /** @return the help of option predictionSamples */
    default String predictionSamplesTipText() {
        return neuralProcessSettings().tipText("predictionSamples");
    }

    /** See {@link #deviceTipText()}. */
    default SelectedTag getDevice() {
        return neuralProcessSettings().selectedTag("device");
    }

    /** See {@link #deviceTipText()}. */
    default void setDevice(SelectedTag value) {
        neuralProcessSettings().set("device", value.getSelectedTag().getIDStr());
    }

    /** @return the help of option device */
    default String deviceTipText() {
        return neuralProcessSettings().tipText("device");
    }
}
