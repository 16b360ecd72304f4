package org.vae4j.engine;

import java.util.Locale;

/**
 * Where the numerics run: {@code AUTO} takes a GPU when the engine sees one and the CPU otherwise,
 * {@code CPU} always the CPU, {@code GPU} a GPU or a clear error.
 */
public enum DeviceChoice {
    /** A GPU if the engine sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first GPU; fails clearly when there is none. */
    GPU;

    /**
     * Parses {@code auto}, {@code cpu} or {@code gpu} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("device must be one of auto, cpu, gpu; got '" + text + "'", e);
        }
    }

    /** The lower-case name used on command lines and in option strings. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
