package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} and {@code --flag} options of a benchmark program: declared with defaults and
 * help text, then parsed strictly. Unknown options, missing values and values that are not what the
 * option expects fail with an {@link IllegalArgumentException} that names the option, so a typo never
 * silently benchmarks the wrong thing.
 */
public final class BenchOptions {

    private final String program;
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private record Declared(String defaultValue, boolean flag, String help) {}

    /** Options of the program named {@code program} (used in the usage text). */
    public BenchOptions(String program) {
        this.program = program;
    }

    /** Declares an option that takes a value. */
    public BenchOptions option(String name, String defaultValue, String help) {
        declared.put(name, new Declared(defaultValue, false, help));
        return this;
    }

    /** Declares an option without a value: present means true. */
    public BenchOptions flag(String name, String help) {
        declared.put(name, new Declared("false", true, help));
        return this;
    }

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException for an unknown option or an option without its value
     */
    public BenchOptions parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            Declared d = declared.get(name);
            if (d == null) {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (d.flag()) {
                values.put(name, "true");
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            } else {
                values.put(name, args[++i]);
            }
        }
        return this;
    }

    /** The option's text (its default when absent). */
    public String text(String name) {
        Declared d = declared.get(name);
        if (d == null) {
            throw new IllegalStateException("option " + name + " was never declared");
        }
        return values.getOrDefault(name, d.defaultValue());
    }

    /** Whether a flag is present. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name));
    }

    /** A positive integer option. */
    public int positiveInt(String name) {
        String t = text(name);
        try {
            int v = Integer.parseInt(t.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + name + " must be a positive integer, got '" + t + "'");
    }

    /** An integer option (any sign). */
    public long integer(String name) {
        String t = text(name);
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be an integer, got '" + t + "'", e);
        }
    }

    /** A positive, finite number option. */
    public double positiveReal(String name) {
        String t = text(name);
        try {
            double v = Double.parseDouble(t.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option " + name + " must be a positive number, got '" + t + "'");
    }

    /** A comma-separated list of positive integers ({@code 10000,30000}); empty text gives an empty list. */
    public List<Integer> positiveInts(String name) {
        String t = text(name).trim();
        List<Integer> out = new ArrayList<>();
        if (t.isEmpty()) {
            return out;
        }
        for (String part : t.split(",")) {
            try {
                int v = Integer.parseInt(part.trim());
                if (v > 0) {
                    out.add(v);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("option " + name
                    + " must be comma-separated positive integers, got '" + text(name) + "'");
        }
        return out;
    }

    /** The usage text: every option with its default and help. */
    public String usage() {
        StringBuilder b = new StringBuilder("usage: " + program + " [options]\n");
        declared.forEach((name, d) -> b.append(String.format("  %-20s %s%s%n", name + (d.flag() ? "" : " V"),
                d.help(), d.flag() ? "" : " (default: " + d.defaultValue() + ")")));
        return b.toString();
    }
}
