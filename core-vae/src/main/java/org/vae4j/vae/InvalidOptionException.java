package org.vae4j.vae;

/**
 * A configuration option with a value vae4j cannot use. Carries the option's name so that adapters can
 * report it in their own terms (an OLCUT {@code PropertyException}, a Weka option flag).
 */
public final class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;
    private final String problem;

    /** An exception about {@code option}; the message starts with "option NAME". */
    public InvalidOptionException(String option, String problem, Throwable cause) {
        super("option " + option + " " + problem, cause);
        this.option = option;
        this.problem = problem;
    }

    /** The name of the offending option, as in {@link VaeConfig#toMap()}. */
    public String option() {
        return option;
    }

    /** What is wrong with it: the message after "option NAME ". */
    public String problem() {
        return problem;
    }
}
