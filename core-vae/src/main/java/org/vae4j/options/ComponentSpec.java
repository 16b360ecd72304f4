package org.vae4j.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.vae4j.vae.InvalidOptionException;

/**
 * A chosen component with its option values, written {@code id} or {@code id:key=value,key=value} (for
 * example {@code iwae:k=5}). A value may itself hold commas ({@code hidden=320,320}): a piece without
 * {@code =} continues the value before it. Its text form lists every option, defaults included, so that a
 * stored spec keeps meaning the same when a default changes.
 *
 * @param type the component
 * @param options its option values
 */
public record ComponentSpec(ComponentType type, OptionValues options) {

    /** A spec of {@code type} with {@code options} (described by the type's options). */
    public ComponentSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
    }

    /**
     * The spec {@code text} writes, for the component option {@code option}.
     *
     * @throws InvalidOptionException naming {@code option}, and the component and its option at fault: an
     *     unknown id, an unknown key, a malformed or unaccepted value
     */
    public static ComponentSpec parse(OptionDescription option, String text, ComponentRegistry registry) {
        ComponentKind kind = option.kind().orElseThrow(() -> new IllegalArgumentException(option.name()
                + " is not a component option"));
        int colon = text.indexOf(':');
        String id = (colon < 0 ? text : text.substring(0, colon)).trim();
        ComponentType type = registry.find(option.name(), kind, id);
        Map<String, String> texts = colon < 0 ? Map.of() : keyValues(option, id, text.substring(colon + 1));
        try {
            return new ComponentSpec(type, OptionValues.parse(type.options(), texts, registry));
        } catch (InvalidOptionException e) {
            throw new InvalidOptionException(option.name(), "'" + id + "': its option " + e.option() + " "
                    + e.problem(), e);
        }
    }

    private static Map<String, String> keyValues(OptionDescription option, String id, String text) {
        Map<String, String> texts = new LinkedHashMap<>();
        String key = null;
        for (String piece : text.split(",", -1)) {
            int eq = piece.indexOf('=');
            if (eq >= 0) {
                key = piece.substring(0, eq).trim();
                if (texts.put(key, piece.substring(eq + 1)) != null) {
                    throw new InvalidOptionException(option.name(), "'" + id + "': its option " + key
                            + " is given twice", null);
                }
            } else if (key != null) {
                texts.put(key, texts.get(key) + "," + piece);
            } else {
                throw new InvalidOptionException(option.name(), "'" + id + "': expected key=value after ':', got '"
                        + piece + "'", null);
            }
        }
        return texts;
    }

    /** The component's kind. */
    public ComponentKind kind() {
        return type.kind();
    }

    /** The component's id. */
    public String id() {
        return type.id();
    }

    /** The text {@link #parse} reads back as this spec. */
    @Override
    public String toString() {
        if (type.options().isEmpty()) {
            return type.id();
        }
        return type.id() + ":" + options.toTextMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentSpec s && kind().equals(s.kind()) && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind(), toString());
    }
}
