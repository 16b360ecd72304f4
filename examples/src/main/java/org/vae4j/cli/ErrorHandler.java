package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.vae4j.cli.data.DataException;
import org.vae4j.engine.DeviceUnavailableException;
import org.vae4j.io.ModelFormatException;
import org.vae4j.vae.TrainingDivergedException;

import picocli.CommandLine;

/**
 * Reports a failed command as one line naming the problem (file, line, column, option) instead of a stack
 * trace; unexpected failures also get their stack trace. Exit code 2 means bad input, 1 anything else.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    /** Exit code for bad input: missing or malformed files, wrong options. */
    static final int BAD_INPUT = 2;
    /** Exit code for anything else that went wrong. */
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String prefix = "vae4j " + command.getCommandName() + ": error: ";
        String message = message(e);
        if (message != null) {
            command.getErr().println(prefix + message);
            command.getErr().flush();
            return e instanceof TrainingDivergedException || e instanceof DeviceUnavailableException
                    ? FAILURE : BAD_INPUT;
        }
        command.getErr().println(prefix + e);
        e.printStackTrace(command.getErr());
        command.getErr().flush();
        return FAILURE;
    }

    /** The user-facing message of an expected failure, or null for an unexpected one. */
    private static String message(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof CliException || e instanceof DataException || e instanceof ModelFormatException
                || e instanceof TrainingDivergedException || e instanceof IllegalArgumentException
                || e instanceof DeviceUnavailableException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "I/O error: " + e.getMessage();
        }
        return null;
    }
}
