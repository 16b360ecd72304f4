package org.vae4j.io;

/**
 * A model file (or model bytes) that vae4j cannot read: not a vae4j model, an unsupported format version,
 * truncated, or corrupt. The message says which.
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
