package org.vae4j.weka;

import weka.core.SelectedTag;

/**
 * The oversampling settings as bean properties with tip texts, for Weka's object editor: a class that holds an
 * {@link OversamplingSettings} implements this interface and so shows every setting in the GUI. Each property
 * is named as its option in {@link org.vae4j.oversample.OversamplingOptions} and its tip text is the option's
 * help. Weka finds properties by their getters and setters only, so an option of the registry needs its three
 * lines here (a test checks that none is missing).
 */
public interface OversamplingSettingsHandler {

    /** The settings these properties read and write. */
    OversamplingSettings oversamplingSettings();

    /** See {@link #oversamplingTipText()}. */
    default SelectedTag getOversampling() {
        return oversamplingSettings().selectedTag("oversampling");
    }

    /** See {@link #oversamplingTipText()}. */
    default void setOversampling(SelectedTag value) {
        oversamplingSettings().set("oversampling", value.getSelectedTag().getIDStr());
    }

    /** @return the help of option oversampling */
    default String oversamplingTipText() {
        return oversamplingSettings().tipText("oversampling");
    }

    /** See {@link #neighboursTipText()}. */
    default int getNeighbours() {
        return (Integer) oversamplingSettings().value("neighbours");
    }

    /** See {@link #neighboursTipText()}. */
    default void setNeighbours(int value) {
        oversamplingSettings().set("neighbours", value);
    }

    /** @return the help of option neighbours */
    default String neighboursTipText() {
        return oversamplingSettings().tipText("neighbours");
    }
}
