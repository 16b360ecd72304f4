package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.vae4j.io.FileWriteException;
import org.vae4j.vae.InvalidOptionException;

import ai.djl.engine.EngineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every failure a user can cause ends in exit code 2 and one line naming the cause; an internal error is
 * told apart by exit code 1, a request to report it and its stack trace.
 */
class ErrorHandlerTest {

    /** A command that fails as told. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable failure;

        Boom(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    private static Cli.Result run(Throwable failure) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Vae4j.configure(new CommandLine(new Boom(failure)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute();
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static void assertOneLine(Throwable failure, String expected) {
        Cli.Result r = run(failure);
        assertEquals(2, r.code(), r.all());
        assertEquals(1, r.err().lines().count(), "one line: " + r.all());
        assertTrue(r.err().startsWith("vae4j boom: error: "), r.all());
        assertTrue(r.err().contains(expected), "'" + expected + "' in " + r.all());
    }

    @Test
    void engineFailuresAreOneLine() {
        assertOneLine(new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB"),
                "CUDA out of memory. Tried to allocate 2.00 GiB");
    }

    @Test
    void aWrappedEngineFailureIsOneLine() {
        assertOneLine(new IllegalStateException("could not start the PyTorch engine offline (no native library)",
                new EngineException("Failed to load PyTorch native library\n\tat somewhere")),
                "could not start the PyTorch engine offline (no native library)");
        assertOneLine(new RuntimeException(new OutOfMemoryError("Java heap space")), "out of memory");
    }

    @Test
    void runningOutOfMemoryIsOneLine() {
        assertOneLine(new OutOfMemoryError("Java heap space"), "out of memory (Java heap space)");
    }

    @Test
    void uncheckedIoFailuresAreOneLine() {
        assertOneLine(new UncheckedIOException(new IOException("Input/output error")), "Input/output error");
        assertOneLine(new UncheckedIOException(new FileWriteException(Path.of("out.csv"),
                new IOException("No space left on device"))), "could not write out.csv: No space left on device");
    }

    @Test
    void aFailedWriteIsOneLineNamingTheFile() {
        Cli.Result r = run(new FileWriteException(Path.of("out.csv"), new IOException("No space left on device")));
        assertEquals("vae4j boom: error: could not write out.csv: No space left on device", r.err().strip());
        assertEquals(2, r.code());
    }

    @Test
    void coreOptionsAreNamedByTheirFlags() {
        Map<String, String> flags = Map.of("latentDim", "--latent", "encoderHidden", "--hidden", "decoderHidden",
                "--decoder-hidden", "epochs", "--epochs", "batchSize", "--batch", "learningRate", "--lr", "beta", "--beta",
                "warmupEpochs", "--warmup", "validationFraction", "--validation", "patience", "--patience");
        for (Map.Entry<String, String> e : flags.entrySet()) {
            Cli.Result r = run(new InvalidOptionException(e.getKey(), "must be >= 1, got 0", null));
            assertEquals("vae4j boom: error: " + e.getValue() + " must be >= 1, got 0", r.err().strip());
            assertEquals(2, r.code());
        }
    }

    @Test
    void anArrayTooLargeIsOneLine() {
        assertOneLine(new NegativeArraySizeException("-1294967296"), "too large");
        assertOneLine(new ArithmeticException("integer overflow"), "too large");
    }

    @Test
    void anInternalErrorAsksForAReportWithItsTrace() {
        Cli.Result r = run(new NullPointerException("oops"));
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("internal error"), r.all());
        assertTrue(r.err().contains("please report"), r.all());
        assertTrue(r.err().contains("\tat "), "the trace for the report: " + r.all());
    }

    @Test
    void anInternalErrorIsNotMistakenForBadInput() {
        Cli.Result r = run(new StackOverflowError());
        assertFalse(r.code() == 2, r.all());
    }
}
