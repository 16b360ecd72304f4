package org.vae4j.options;

/**
 * The kinds of value an option takes. Each adapter maps a type to its own form once (a Weka property type, a
 * command-line converter, an OLCUT field type), so that a new option of a known type needs no adapter code.
 */
public enum OptionType {
    /** A 32-bit integer. */
    INT,
    /** A 64-bit integer. */
    LONG,
    /** A double-precision number. */
    DOUBLE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed list of lower-case words. */
    CHOICE,
    /** Comma-separated integers, such as layer widths; empty for none. */
    INT_LIST,
    /** A component chosen by id with its own options, written {@code id:key=value,key=value}. */
    COMPONENT,
    /** Free text in a form the option describes (a {@link String}). */
    TEXT
}
