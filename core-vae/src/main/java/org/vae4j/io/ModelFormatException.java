package org.vae4j.io;

/**
 * A model file (or model bytes) that vae4j cannot read or refuses: not a vae4j model, an unsupported format
 * version, truncated, corrupt, declaring more than it holds, or with a configuration, parameter dtype, shape or
 * value that vae4j does not accept. The message says which, naming the option or parameter.
 */
public final class ModelFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message saying what is wrong. */
    public ModelFormatException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
