package org.vae4j.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * The network and training settings that the vae4j filters and the data generator share: every option of
 * {@link VaeOptions} but the seed (a Weka scheme's own {@code -S}), with the registry's one default, as
 * Weka command-line options made from the option descriptions: {@code -flag value}, or for a true/false
 * option the bare flag that changes its default ({@code -no-standardize}). A component is written as its
 * spec ({@code -objective iwae:k=5}).
 *
 * <p>Option values are parsed strictly: a malformed or out-of-range value makes {@link #setOptions} throw an
 * exception naming the option, so a typo never silently falls back to a default. The flags of vae4j's first
 * Weka release ({@code -L}, {@code -H}, {@code -E}, {@code -mini-batch}, {@code -learning-rate}) are still
 * read.
 */
public final class VaeSettings implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The first release's flags, by the name of the option they set. */
    private static final Map<String, String> OLD_FLAGS = Map.of(VaeOptions.LATENT_DIM.name(), "L",
            VaeOptions.ENCODER_HIDDEN.name(), "H", VaeOptions.EPOCHS.name(), "E",
            VaeOptions.BATCH_SIZE.name(), "mini-batch", VaeOptions.LEARNING_RATE.name(), "learning-rate");

    /** Each option's value as text, in the order of {@link #options()}. */
    private final LinkedHashMap<String, String> texts = new LinkedHashMap<>();

    /** Settings with every option at its default. */
    public VaeSettings() {
        reset();
    }

    private void reset() {
        for (OptionDescription option : options()) {
            texts.put(option.name(), option.defaultText());
        }
    }

    /** The options these settings hold: the registry's, but the seed. */
    public static List<OptionDescription> options() {
        return VaeOptions.ALL.stream().filter(o -> o != VaeOptions.SEED).toList();
    }

    /** The command-line options, in the order {@link #getOptions()} writes them. */
    public static List<Option> listOptions() {
        List<Option> result = new ArrayList<>();
        for (OptionDescription option : options()) {
            String flag = option.commandFlag();
            if (option.type() == OptionType.BOOLEAN) {
                result.add(new Option("\t" + option.commandHelp(), flag, 0, "-" + flag));
            } else {
                result.add(new Option("\t" + option.commandHelp(), flag, 1, "-" + flag + " <" + argument(option) + ">"));
            }
        }
        return result;
    }

    private static String argument(OptionDescription option) {
        return switch (option.type()) {
            case CHOICE -> String.join("|", option.choices());
            case COMPONENT -> "id[:key=value,...]";
            case INT_LIST -> "n[,n...]";
            case TEXT -> option.textForm().orElseThrow().pattern().toLowerCase(Locale.ROOT);
            default -> option.type().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Reads the settings from {@code options}, removing the ones it uses; absent options get their defaults.
     *
     * @throws IllegalArgumentException naming the option for a malformed or invalid value
     */
    public void setOptions(String[] options) throws Exception {
        reset();
        for (OptionDescription option : options()) {
            String flag = option.commandFlag();
            if (option.type() == OptionType.BOOLEAN) {
                boolean given = Utils.getFlag(flag, options);
                texts.put(option.name(), Boolean.toString((Boolean) option.defaultValue() != given));
                continue;
            }
            String text = Utils.getOption(flag, options);
            String old = OLD_FLAGS.containsKey(option.name()) ? Utils.getOption(OLD_FLAGS.get(option.name()), options)
                    : "";
            if (text.isEmpty() && !old.isEmpty()) {
                text = old;
                flag = OLD_FLAGS.get(option.name());
            }
            if (!text.isEmpty()) {
                set(option, flag, text);
            }
        }
        toConfig(1);
    }

    private void set(OptionDescription option, String flag, String text) {
        try {
            texts.put(option.name(), option.format(option.parse(text)));
        } catch (InvalidOptionException e) {
            throw new IllegalArgumentException("option -" + flag + " (" + option.name() + "): " + e.problem(), e);
        }
    }

    /** The settings as command-line options. */
    public List<String> getOptions() {
        List<String> result = new ArrayList<>();
        for (OptionDescription option : options()) {
            String text = texts.get(option.name());
            if (option.type() != OptionType.BOOLEAN) {
                result.add("-" + option.commandFlag());
                result.add(text);
            } else if (!text.equals(option.defaultText())) {
                result.add("-" + option.commandFlag());
            }
        }
        return result;
    }

    /**
     * The engine configuration for these settings.
     *
     * @param seed the seed for initialisation, shuffling and sampling
     * @throws IllegalArgumentException naming the setting that is invalid
     */
    public VaeConfig toConfig(long seed) {
        VaeConfig.Builder builder = VaeConfig.builder();
        texts.forEach(builder::set);
        return builder.seed(seed).build();
    }

    /** The text of the option called {@code name}. */
    String text(String name) {
        return texts.get(name);
    }

    /** The value of the option called {@code name}, parsed. */
    Object value(String name) {
        return VaeOptions.named(name).parse(texts.get(name));
    }

    /**
     * Sets the option called {@code name} to {@code value} (typed as the option's values are, or as text).
     *
     * @throws IllegalArgumentException naming the option when the value is not accepted
     */
    void set(String name, Object value) {
        OptionDescription option = VaeOptions.named(name);
        set(option, option.commandFlag(), value instanceof String text ? text : option.format(value));
    }

    /** The choice option called {@code name} as a Weka tag list with its current value selected. */
    SelectedTag selectedTag(String name) {
        return ChoiceTags.of(VaeOptions.named(name).choices(), texts.get(name));
    }

    /** The tip text of the option called {@code name}: its help, accepted values and default. */
    static String tipText(String name) {
        return VaeOptions.named(name).fullHelp();
    }
}
