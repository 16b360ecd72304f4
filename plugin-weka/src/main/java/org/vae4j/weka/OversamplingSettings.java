package org.vae4j.weka;

import java.util.List;

import org.vae4j.options.OptionDescription;
import org.vae4j.oversample.Oversampler;
import org.vae4j.oversample.OversamplingOptions;

import weka.core.Option;

/**
 * How the VAE oversampler makes its synthetic instances: every option of {@link OversamplingOptions}, with the
 * registry's one default, as Weka command-line options made from the option descriptions (see
 * {@link OptionSettings}).
 */
public final class OversamplingSettings extends OptionSettings {

    private static final long serialVersionUID = 1L;

    /** Settings with every option at its default. */
    public OversamplingSettings() {
        super();
    }

    /** The command-line options, in the order {@link #getOptions()} writes them. */
    public static List<Option> listOptions() {
        return listOptions(OversamplingOptions.ALL);
    }

    @Override
    protected List<OptionDescription> descriptions() {
        return OversamplingOptions.ALL;
    }

    /** The oversampler these settings describe. */
    public Oversampler oversampler() {
        return Oversampler.of(values());
    }
}
