package org.vae4j.weka;

import weka.core.SelectedTag;

/**
 * The VAE settings as bean properties with tip texts, for Weka's object editor: a class that holds a
 * {@link VaeSettings} implements this interface and so shows every setting in the GUI. Each property is
 * named as its option in {@link org.vae4j.vae.VaeOptions} and its tip text is the option's help; choices
 * are drop-down lists, and the guide, prior and objective are objects the editor chooses and edits like a
 * FilteredClassifier's classifier. Weka finds properties by their getters and setters only, so an option
 * of the registry needs its three lines here (a test checks that none is missing); a new component of a
 * kind needs nothing.
 */
public interface VaeSettingsHandler {

    /** The settings these properties read and write. */
    VaeSettings vaeSettings();

    /** See {@link #latentDimTipText()}. */
    default int getLatentDim() {
        return (Integer) vaeSettings().value("latentDim");
    }

    /** See {@link #latentDimTipText()}. */
    default void setLatentDim(int value) {
        vaeSettings().set("latentDim", value);
    }

    /** @return the help of option latentDim */
    default String latentDimTipText() {
        return vaeSettings().tipText("latentDim");
    }

    /** See {@link #encoderHiddenTipText()}. */
    default String getEncoderHidden() {
        return vaeSettings().text("encoderHidden");
    }

    /** See {@link #encoderHiddenTipText()}. */
    default void setEncoderHidden(String value) {
        vaeSettings().set("encoderHidden", value);
    }

    /** @return the help of option encoderHidden */
    default String encoderHiddenTipText() {
        return vaeSettings().tipText("encoderHidden");
    }

    /** See {@link #decoderHiddenTipText()}. */
    default String getDecoderHidden() {
        return vaeSettings().text("decoderHidden");
    }

    /** See {@link #decoderHiddenTipText()}. */
    default void setDecoderHidden(String value) {
        vaeSettings().set("decoderHidden", value);
    }

    /** @return the help of option decoderHidden */
    default String decoderHiddenTipText() {
        return vaeSettings().tipText("decoderHidden");
    }

    /** See {@link #numericLikelihoodTipText()}. */
    default SelectedTag getNumericLikelihood() {
        return vaeSettings().selectedTag("numericLikelihood");
    }

    /** See {@link #numericLikelihoodTipText()}. */
    default void setNumericLikelihood(SelectedTag value) {
        vaeSettings().set("numericLikelihood", value.getSelectedTag().getIDStr());
    }

    /** @return the help of option numericLikelihood */
    default String numericLikelihoodTipText() {
        return vaeSettings().tipText("numericLikelihood");
    }

    /** See {@link #standardizeTipText()}. */
    default boolean isStandardize() {
        return (Boolean) vaeSettings().value("standardize");
    }

    /** See {@link #standardizeTipText()}. */
    default void setStandardize(boolean value) {
        vaeSettings().set("standardize", value);
    }

    /** @return the help of option standardize */
    default String standardizeTipText() {
        return vaeSettings().tipText("standardize");
    }

    /** See {@link #columnTypesTipText()}. */
    default String getColumnTypes() {
        return vaeSettings().text("columnTypes");
    }

    /** See {@link #columnTypesTipText()}. */
    default void setColumnTypes(String value) {
        vaeSettings().set("columnTypes", value);
    }

    /** @return the help of option columnTypes */
    default String columnTypesTipText() {
        return vaeSettings().tipText("columnTypes");
    }

    /** See {@link #hiddenLayerTipText()}. */
    default SelectedTag getHiddenLayer() {
        return vaeSettings().selectedTag("hiddenLayer");
    }

    /** See {@link #hiddenLayerTipText()}. */
    default void setHiddenLayer(SelectedTag value) {
        vaeSettings().set("hiddenLayer", value.getSelectedTag().getIDStr());
    }

    /** @return the help of option hiddenLayer */
    default String hiddenLayerTipText() {
        return vaeSettings().tipText("hiddenLayer");
    }

    /** See {@link #weightInitTipText()}. */
    default SelectedTag getWeightInit() {
        return vaeSettings().selectedTag("weightInit");
    }

    /** See {@link #weightInitTipText()}. */
    default void setWeightInit(SelectedTag value) {
        vaeSettings().set("weightInit", value.getSelectedTag().getIDStr());
    }

    /** @return the help of option weightInit */
    default String weightInitTipText() {
        return vaeSettings().tipText("weightInit");
    }

    /** See {@link #clampLogVarianceTipText()}. */
    default boolean isClampLogVariance() {
        return (Boolean) vaeSettings().value("clampLogVariance");
    }

    /** See {@link #clampLogVarianceTipText()}. */
    default void setClampLogVariance(boolean value) {
        vaeSettings().set("clampLogVariance", value);
    }

    /** @return the help of option clampLogVariance */
    default String clampLogVarianceTipText() {
        return vaeSettings().tipText("clampLogVariance");
    }

    /** See {@link #dynamicBinarizationTipText()}. */
    default boolean isDynamicBinarization() {
        return (Boolean) vaeSettings().value("dynamicBinarization");
    }

    /** See {@link #dynamicBinarizationTipText()}. */
    default void setDynamicBinarization(boolean value) {
        vaeSettings().set("dynamicBinarization", value);
    }

    /** @return the help of option dynamicBinarization */
    default String dynamicBinarizationTipText() {
        return vaeSettings().tipText("dynamicBinarization");
    }

    /** See {@link #epochsTipText()}. */
    default int getEpochs() {
        return (Integer) vaeSettings().value("epochs");
    }

    /** See {@link #epochsTipText()}. */
    default void setEpochs(int value) {
        vaeSettings().set("epochs", value);
    }

    /** @return the help of option epochs */
    default String epochsTipText() {
        return vaeSettings().tipText("epochs");
    }

    /** See {@link #batchSizeTipText()}. */
    default int getBatchSize() {
        return (Integer) vaeSettings().value("batchSize");
    }

    /** See {@link #batchSizeTipText()}. */
    default void setBatchSize(int value) {
        vaeSettings().set("batchSize", value);
    }

    /** @return the help of option batchSize */
    default String batchSizeTipText() {
        return vaeSettings().tipText("batchSize");
    }

    /** See {@link #learningRateTipText()}. */
    default double getLearningRate() {
        return (Double) vaeSettings().value("learningRate");
    }

    /** See {@link #learningRateTipText()}. */
    default void setLearningRate(double value) {
        vaeSettings().set("learningRate", value);
    }

    /** @return the help of option learningRate */
    default String learningRateTipText() {
        return vaeSettings().tipText("learningRate");
    }

    /** See {@link #betaTipText()}. */
    default double getBeta() {
        return (Double) vaeSettings().value("beta");
    }

    /** See {@link #betaTipText()}. */
    default void setBeta(double value) {
        vaeSettings().set("beta", value);
    }

    /** @return the help of option beta */
    default String betaTipText() {
        return vaeSettings().tipText("beta");
    }

    /** See {@link #warmupEpochsTipText()}. */
    default double getWarmupEpochs() {
        return (Double) vaeSettings().value("warmupEpochs");
    }

    /** See {@link #warmupEpochsTipText()}. */
    default void setWarmupEpochs(double value) {
        vaeSettings().set("warmupEpochs", value);
    }

    /** @return the help of option warmupEpochs */
    default String warmupEpochsTipText() {
        return vaeSettings().tipText("warmupEpochs");
    }

    /** See {@link #freeBitsTipText()}. */
    default double getFreeBits() {
        return (Double) vaeSettings().value("freeBits");
    }

    /** See {@link #freeBitsTipText()}. */
    default void setFreeBits(double value) {
        vaeSettings().set("freeBits", value);
    }

    /** @return the help of option freeBits */
    default String freeBitsTipText() {
        return vaeSettings().tipText("freeBits");
    }

    /** See {@link #objectiveTipText()}. */
    default ObjectiveComponent getObjective() {
        return new ObjectiveComponent(vaeSettings().text("objective"));
    }

    /** See {@link #objectiveTipText()}. */
    default void setObjective(ObjectiveComponent value) {
        vaeSettings().set("objective", value.specText());
    }

    /** @return the help of option objective */
    default String objectiveTipText() {
        return vaeSettings().tipText("objective");
    }

    /** See {@link #guideTipText()}. */
    default GuideComponent getGuide() {
        return new GuideComponent(vaeSettings().text("guide"));
    }

    /** See {@link #guideTipText()}. */
    default void setGuide(GuideComponent value) {
        vaeSettings().set("guide", value.specText());
    }

    /** @return the help of option guide */
    default String guideTipText() {
        return vaeSettings().tipText("guide");
    }

    /** See {@link #priorTipText()}. */
    default PriorComponent getPrior() {
        return new PriorComponent(vaeSettings().text("prior"));
    }

    /** See {@link #priorTipText()}. */
    default void setPrior(PriorComponent value) {
        vaeSettings().set("prior", value.specText());
    }

    /** @return the help of option prior */
    default String priorTipText() {
        return vaeSettings().tipText("prior");
    }

    /** See {@link #deviceTipText()}. */
    default SelectedTag getDevice() {
        return vaeSettings().selectedTag("device");
    }

    /** See {@link #deviceTipText()}. */
    default void setDevice(SelectedTag value) {
        vaeSettings().set("device", value.getSelectedTag().getIDStr());
    }

    /** @return the help of option device */
    default String deviceTipText() {
        return vaeSettings().tipText("device");
    }

    /** See {@link #validationFractionTipText()}. */
    default double getValidationFraction() {
        return (Double) vaeSettings().value("validationFraction");
    }

    /** See {@link #validationFractionTipText()}. */
    default void setValidationFraction(double value) {
        vaeSettings().set("validationFraction", value);
    }

    /** @return the help of option validationFraction */
    default String validationFractionTipText() {
        return vaeSettings().tipText("validationFraction");
    }

    /** See {@link #patienceTipText()}. */
    default int getPatience() {
        return (Integer) vaeSettings().value("patience");
    }

    /** See {@link #patienceTipText()}. */
    default void setPatience(int value) {
        vaeSettings().set("patience", value);
    }

    /** @return the help of option patience */
    default String patienceTipText() {
        return vaeSettings().tipText("patience");
    }

    /** See {@link #shuffleTipText()}. */
    default boolean isShuffle() {
        return (Boolean) vaeSettings().value("shuffle");
    }

    /** See {@link #shuffleTipText()}. */
    default void setShuffle(boolean value) {
        vaeSettings().set("shuffle", value);
    }

    /** @return the help of option shuffle */
    default String shuffleTipText() {
        return vaeSettings().tipText("shuffle");
    }
}
