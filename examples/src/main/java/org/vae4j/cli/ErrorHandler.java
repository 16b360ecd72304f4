package org.vae4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.vae4j.cli.data.DataException;
import org.vae4j.engine.DeviceUnavailableException;
import org.vae4j.io.FileWriteException;
import org.vae4j.io.ModelFormatException;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.TrainingDivergedException;

import ai.djl.engine.EngineException;
import picocli.CommandLine;

/**
 * Reports a failed command as one line naming the cause (file, line, column, option, resource) instead of a
 * stack trace, with exit code {@value #USER_ERROR}: every failure a user can cause or put right (bad input or
 * options, an output that cannot be written, too little memory, a failing device or engine). Anything else is
 * an internal error: exit code {@value #INTERNAL_ERROR}, a request to report it, and its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    /** Exit code for a failure the user can put right: input, options, outputs, memory, device. */
    static final int USER_ERROR = 2;
    /** Exit code for an internal error, a bug in vae4j. */
    static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Throwable failure = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        String prefix = "vae4j " + command.getCommandName() + ": error: ";
        String message = message(failure);
        if (message != null) {
            command.getErr().println(prefix + message);
            command.getErr().flush();
            return USER_ERROR;
        }
        command.getErr().println(prefix + "internal error (" + failure + "); please report it to the vae4j "
                + "developers with the command line and this trace:");
        failure.printStackTrace(command.getErr());
        command.getErr().flush();
        return INTERNAL_ERROR;
    }

    /**
     * The user-facing message of a failure the user can put right, or null for an internal error. A failure
     * caused by the engine or by running out of memory counts as such, however it was wrapped.
     */
    private static String message(Throwable e) {
        String message = direct(e);
        for (Throwable cause = e.getCause(); message == null && cause != null; cause = cause.getCause()) {
            if (cause instanceof EngineException || cause instanceof UnsatisfiedLinkError) {
                message = engineFailure(e);
            } else if (cause instanceof OutOfMemoryError) {
                message = direct(cause);
            }
        }
        return message;
    }

    private static String direct(Throwable e) {
        if (e instanceof UncheckedIOException unchecked) {
            return direct(unchecked.getCause());
        }
        if (e instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof InvalidOptionException invalid) {
            return CoreOptionFlags.message(invalid);
        }
        if (e instanceof CliException || e instanceof DataException || e instanceof ModelFormatException
                || e instanceof TrainingDivergedException || e instanceof IllegalArgumentException
                || e instanceof DeviceUnavailableException || e instanceof FileWriteException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "I/O error: " + e.getMessage();
        }
        if (e instanceof EngineException || e instanceof UnsatisfiedLinkError) {
            return engineFailure(e);
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "): give Java more memory (e.g. JAVA_OPTS=-Xmx8g) "
                    + "or use less data, a smaller --batch or smaller layers";
        }
        if (e instanceof NegativeArraySizeException
                || e instanceof ArithmeticException && "integer overflow".equals(e.getMessage())) {
            return "the data or the output asked for is too large for one Java array (" + e.getMessage()
                    + "); use less data or fewer rows";
        }
        return null;
    }

    /** The first line of the message (native errors often append their own trace). */
    private static String engineFailure(Throwable e) {
        String first = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
        return "the deep-learning engine failed: " + (first.isEmpty() ? e.getClass().getSimpleName() : first);
    }
}
