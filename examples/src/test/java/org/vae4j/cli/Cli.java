package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the vae4j command line in this JVM and captures what it prints. */
final class Cli {

    /** What one run returned and printed. */
    record Result(int code, String out, String err) {
        /** Everything printed, for assertion messages. */
        String all() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }

        /**
         * Asserts a failure the user can put right: exit code 2, one error line holding each expected text,
         * and no stack trace.
         */
        void assertUserError(String... expected) {
            assertEquals(2, code, all());
            for (String e : expected) {
                assertTrue(err.contains(e), "'" + e + "' in " + all());
            }
            assertEquals(1, err.lines().filter(l -> l.contains("error:")).count(), "one error line: " + all());
            assertFalse(err.contains("\tat "), "no stack trace: " + all());
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Vae4j.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
