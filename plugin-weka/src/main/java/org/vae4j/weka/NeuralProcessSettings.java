package org.vae4j.weka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vae4j.np.NeuralProcessOptions;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;

import weka.core.Option;

/**
 * The neural-process classifier's settings: every option of {@link NeuralProcessOptions} but the seed (the
 * classifier's own {@code -S}), with the registry's one default, as Weka command-line options made from the
 * option descriptions (see {@link OptionSettings}).
 */
public final class NeuralProcessSettings extends OptionSettings {

    private static final long serialVersionUID = 1L;

    /** Settings with every option at its default. */
    public NeuralProcessSettings() {
        super();
    }

    /** The options these settings hold: the registry's, but the seed. */
    public static List<OptionDescription> options() {
        return NeuralProcessOptions.ALL.stream().filter(o -> o != NeuralProcessOptions.SEED).toList();
    }

    /** The command-line options, in the order {@link #getOptions()} writes them. */
    public static List<Option> listOptions() {
        return listOptions(options());
    }

    @Override
    protected List<OptionDescription> descriptions() {
        return options();
    }

    /**
     * The options of a training run: these settings and {@code seed}.
     *
     * @throws org.vae4j.vae.InvalidOptionException naming an option whose value is not accepted
     */
    public OptionValues toValues(long seed) {
        Map<String, String> texts = new HashMap<>(texts());
        texts.put(NeuralProcessOptions.SEED.name(), Long.toString(seed));
        return NeuralProcessOptions.parse(texts);
    }
}
