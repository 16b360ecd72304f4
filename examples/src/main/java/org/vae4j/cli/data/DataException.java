package org.vae4j.cli.data;

/** Bad input data: the message names the file and, where it can, the line and column. */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a message meant for the user. */
    public DataException(String message) {
        super(message);
    }
}
