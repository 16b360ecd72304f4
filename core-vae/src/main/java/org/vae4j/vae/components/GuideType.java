package org.vae4j.vae.components;

import ai.djl.nn.Block;

import org.vae4j.infer.Guide;
import org.vae4j.options.ComponentType;
import org.vae4j.options.OptionValues;

/**
 * A guide chosen by id ({@code --guide iaf:flows=4}): makes the {@link Guide} of a VAE from the encoder the
 * configuration describes, so every guide shares the encoder's layers, layer kind and initialisation.
 */
public interface GuideType extends ComponentType {

    /** Outputs the encoder gives beyond the 2 M means and log-variances (the context a flow reads). */
    default int contextWidth(OptionValues options) {
        return 0;
    }

    /**
     * The most parameters the guide adds to the encoder's (flow steps, the context head), counted before
     * anything is allocated so that a hostile model file cannot make vae4j allocate without bound.
     */
    default long addedParameters(OptionValues options, NetworkWidths widths) {
        return 0;
    }

    /**
     * The guide over {@code encoder}.
     *
     * @param encoder maps the guide's input to 2 M + {@link #contextWidth} outputs; not yet initialised
     */
    Guide create(OptionValues options, Block encoder, NetworkWidths widths);
}
