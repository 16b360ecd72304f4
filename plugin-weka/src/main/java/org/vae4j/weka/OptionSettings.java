package org.vae4j.weka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.InvalidOptionException;

import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * A Weka scheme's settings made from a list of option descriptions: {@code -flag value}, or for a true/false
 * option the bare flag that changes its default ({@code -no-standardize}); a component is written as its spec
 * ({@code -objective iwae:k=5}). Subclasses name the descriptions; the options, their parsing, defaults, tip
 * texts and drop-down lists all come from those descriptions, so a scheme never writes an option list of its
 * own.
 *
 * <p>Option values are parsed strictly: a malformed or out-of-range value makes {@link #setOptions} throw an
 * exception naming the option, so a typo never silently falls back to a default.
 */
public abstract class OptionSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Each option's value as text, in the order of {@link #descriptions()}. */
    private LinkedHashMap<String, String> texts = new LinkedHashMap<>();

    /** Settings with every option at its default. */
    protected OptionSettings() {
        reset();
    }

    /** The options these settings hold, in the order Weka lists them. */
    protected abstract List<OptionDescription> descriptions();

    /**
     * The flag an older release used for {@code option}, still read when the current flag is absent; null when
     * there is none.
     */
    protected String legacyFlag(OptionDescription option) {
        return null;
    }

    /**
     * Checks the settings as a whole once {@link #setOptions} has read them.
     *
     * @throws IllegalArgumentException naming the setting that is invalid
     */
    protected void validate() {
        // Each value was checked on its own when it was set.
    }

    private void reset() {
        for (OptionDescription option : descriptions()) {
            texts.put(option.name(), option.defaultText());
        }
    }

    /**
     * Called by Java serialization for a stream written before this class existed (settings whose values a
     * subclass kept itself): starts from the defaults, for the subclass to {@link #restore} what it read.
     */
    private void readObjectNoData() {
        texts = new LinkedHashMap<>();
        reset();
    }

    /**
     * Takes the values of options that {@code saved} holds by name, as an earlier release serialized them;
     * options it does not hold keep their defaults and names no option has are dropped.
     *
     * @throws IllegalArgumentException naming the option when a saved value is not accepted
     */
    protected final void restore(Map<String, String> saved) {
        for (OptionDescription option : descriptions()) {
            String text = saved.get(option.name());
            if (text != null) {
                set(option, option.commandFlag(), text);
            }
        }
    }

    /** The Weka command-line options of {@code descriptions}, in their order. */
    public static List<Option> listOptions(List<OptionDescription> descriptions) {
        List<Option> result = new ArrayList<>();
        for (OptionDescription option : descriptions) {
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
        for (OptionDescription option : descriptions()) {
            String flag = option.commandFlag();
            if (option.type() == OptionType.BOOLEAN) {
                boolean given = Utils.getFlag(flag, options);
                texts.put(option.name(), Boolean.toString((Boolean) option.defaultValue() != given));
                continue;
            }
            String text = Utils.getOption(flag, options);
            String legacy = legacyFlag(option);
            String old = legacy != null ? Utils.getOption(legacy, options) : "";
            if (text.isEmpty() && !old.isEmpty()) {
                text = old;
                flag = legacy;
            }
            if (!text.isEmpty()) {
                set(option, flag, text);
            }
        }
        validate();
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
        for (OptionDescription option : descriptions()) {
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

    /** Every option's value as text, keyed by option name, in the order of {@link #descriptions()}. */
    public Map<String, String> texts() {
        return new LinkedHashMap<>(texts);
    }

    /** The values of these settings, parsed and checked. */
    public OptionValues values() {
        return OptionValues.parse(descriptions(), texts, null);
    }

    /** The description of the option called {@code name}. */
    OptionDescription named(String name) {
        return OptionValues.find(descriptions(), name);
    }

    /** The text of the option called {@code name}. */
    String text(String name) {
        return texts.get(name);
    }

    /** The value of the option called {@code name}, parsed. */
    Object value(String name) {
        return named(name).parse(texts.get(name));
    }

    /**
     * Sets the option called {@code name} to {@code value} (typed as the option's values are, or as text).
     *
     * @throws IllegalArgumentException naming the option when the value is not accepted
     */
    void set(String name, Object value) {
        OptionDescription option = named(name);
        set(option, option.commandFlag(), value instanceof String text ? text : option.format(value));
    }

    /** The choice option called {@code name} as a Weka tag list with its current value selected. */
    SelectedTag selectedTag(String name) {
        return ChoiceTags.of(named(name).choices(), texts.get(name));
    }

    /** The tip text of the option called {@code name}: its help, accepted values and default. */
    String tipText(String name) {
        return named(name).fullHelp();
    }
}
