package org.vae4j.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.Map;

import org.vae4j.options.OptionDescription;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

import weka.core.Option;

/**
 * The network and training settings that the vae4j filters and the data generator share: every option of
 * {@link VaeOptions} but the seed (a Weka scheme's own {@code -S}), with the registry's one default, as
 * Weka command-line options made from the option descriptions (see {@link OptionSettings}). The flags of
 * vae4j's first Weka release ({@code -L}, {@code -H}, {@code -E}, {@code -mini-batch},
 * {@code -learning-rate}) are still read.
 *
 * <p>Serialized form: the values live in {@link OptionSettings}; a filter serialized by a release in which
 * this class kept them itself (a field {@code texts}) loads with those values.
 */
public final class VaeSettings extends OptionSettings {

    private static final long serialVersionUID = 2L;

    /** The first release's flags, by the name of the option they set. */
    private static final Map<String, String> OLD_FLAGS = Map.of(VaeOptions.LATENT_DIM.name(), "L",
            VaeOptions.ENCODER_HIDDEN.name(), "H", VaeOptions.EPOCHS.name(), "E",
            VaeOptions.BATCH_SIZE.name(), "mini-batch", VaeOptions.LEARNING_RATE.name(), "learning-rate");

    /** Settings with every option at its default. */
    public VaeSettings() {
        super();
    }

    /** The options these settings hold: the registry's, but the seed. */
    public static List<OptionDescription> options() {
        return VaeOptions.ALL.stream().filter(o -> o != VaeOptions.SEED).toList();
    }

    /** The command-line options, in the order {@link #getOptions()} writes them. */
    public static List<Option> listOptions() {
        return listOptions(options());
    }

    @Override
    protected List<OptionDescription> descriptions() {
        return options();
    }

    @Override
    protected String legacyFlag(OptionDescription option) {
        return OLD_FLAGS.get(option.name());
    }

    /** Checks the options together, as the engine configuration does. */
    @Override
    protected void validate() {
        toConfig(1);
    }

    /**
     * The engine configuration for these settings.
     *
     * @param seed the seed for initialisation, shuffling and sampling
     * @throws IllegalArgumentException naming the setting that is invalid
     */
    public VaeConfig toConfig(long seed) {
        VaeConfig.Builder builder = VaeConfig.builder();
        texts().forEach(builder::set);
        return builder.seed(seed).build();
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        ObjectInputStream.GetField fields = in.readFields();
        if (fields.getObjectStreamClass().getField("texts") != null) {
            restore((Map<String, String>) fields.get("texts", null));
        }
    }
}
