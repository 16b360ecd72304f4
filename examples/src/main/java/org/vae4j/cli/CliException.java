package org.vae4j.cli;

/** A mistake in how the command was called: the message says what and how to put it right. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a message meant for the user. */
    public CliException(String message) {
        super(message);
    }
}
