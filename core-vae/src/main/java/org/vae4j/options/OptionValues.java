package org.vae4j.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vae4j.vae.InvalidOptionException;

/**
 * Checked values for a list of {@link OptionDescription}s: every described option has a value (its default
 * unless given), and every value was accepted by its description. Immutable.
 */
public final class OptionValues {

    private final List<OptionDescription> descriptions;
    private final Map<String, Object> values;

    private OptionValues(List<OptionDescription> descriptions, Map<String, Object> values) {
        this.descriptions = descriptions;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The values written as text in {@code texts} (keys are option names), the defaults for the others.
     *
     * @param registry where component options look components up (the standard registry when null)
     * @throws InvalidOptionException naming an unknown key or the option whose value is not accepted
     */
    public static OptionValues parse(List<OptionDescription> descriptions, Map<String, String> texts,
            ComponentRegistry registry) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            typed.put(e.getKey(), find(descriptions, e.getKey()).parse(e.getValue(), registry));
        }
        return of(descriptions, typed, registry);
    }

    /**
     * The given typed values, the defaults for the others.
     *
     * @throws InvalidOptionException naming an unknown key or the option whose value is not accepted
     */
    public static OptionValues of(List<OptionDescription> descriptions, Map<String, ?> given,
            ComponentRegistry registry) {
        List<OptionDescription> list = List.copyOf(descriptions);
        for (String key : given.keySet()) {
            find(list, key);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionDescription d : list) {
            values.put(d.name(), given.containsKey(d.name()) ? d.check(given.get(d.name()))
                    : d.parse(d.defaultText(), registry));
        }
        return new OptionValues(list, values);
    }

    /**
     * The description of the option called {@code name}.
     *
     * @throws InvalidOptionException if none is
     */
    public static OptionDescription find(List<OptionDescription> descriptions, String name) {
        for (OptionDescription d : descriptions) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new InvalidOptionException(name, "is unknown (known: "
                + String.join(", ", descriptions.stream().map(OptionDescription::name).toList()) + ")", null);
    }

    /** The descriptions these values are for. */
    public List<OptionDescription> descriptions() {
        return descriptions;
    }

    /** The value of {@code name} (null only for an unset option). */
    public Object get(String name) {
        find(descriptions, name);
        return values.get(name);
    }

    /** The int value of {@code name}. */
    public int intValue(String name) {
        return (Integer) get(name);
    }

    /** The long value of {@code name}. */
    public long longValue(String name) {
        return (Long) get(name);
    }

    /** The double value of {@code name}. */
    public double doubleValue(String name) {
        return (Double) get(name);
    }

    /** The boolean value of {@code name}. */
    public boolean booleanValue(String name) {
        return (Boolean) get(name);
    }

    /** The value of {@code name} as the text its description parses back. */
    public String text(String name) {
        return find(descriptions, name).format(get(name));
    }

    /** All values as text, in the order of the descriptions. */
    public Map<String, String> toTextMap() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (OptionDescription d : descriptions) {
            texts.put(d.name(), d.format(values.get(d.name())));
        }
        return texts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionValues v && toTextMap().equals(v.toTextMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toTextMap());
    }

    @Override
    public String toString() {
        return toTextMap().toString();
    }
}
