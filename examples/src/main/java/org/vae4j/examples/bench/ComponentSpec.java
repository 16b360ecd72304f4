package org.vae4j.examples.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component named on the command line with its options, {@code name:key=value,key=value} (for example
 * {@code vamp:K=500} or {@code iaf:flows=4,hidden=320}), the syntax of vae4j's component options.
 *
 * @param name the component's name, as typed
 * @param options its options in the order given
 */
public record ComponentSpec(String name, Map<String, String> options) {

    /**
     * Parses a spec.
     *
     * @param option the command-line option it came from, named in errors
     * @throws IllegalArgumentException naming the option for an empty name or an option without {@code =}
     */
    public static ComponentSpec parse(String option, String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("option " + option + " needs a component name, got '" + text + "'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : t.substring(colon + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("option " + option + ": '" + pair.trim()
                            + "' is not key=value in '" + text + "'");
                }
                options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return new ComponentSpec(name, Collections.unmodifiableMap(options));
    }

    /** Whether this is the component {@code other} with no options. */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other) && options.isEmpty();
    }

    @Override
    public String toString() {
        if (options.isEmpty()) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append(':');
        options.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        return b.substring(0, b.length() - 1);
    }
}
