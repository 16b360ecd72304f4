package org.vae4j.cli.progress;

import java.io.PrintWriter;

import org.vae4j.vae.TrainingListener;

/** Chooses how training progress is shown: a live bar on a terminal, plain lines otherwise. */
public final class ProgressDisplay {

    private ProgressDisplay() {}

    /** A bar when this JVM's output is a terminal ({@code System.console() != null}), else log lines. */
    public static TrainingListener on(PrintWriter out) {
        return System.console() != null ? new TerminalProgress(out) : new LogProgress(out);
    }
}
