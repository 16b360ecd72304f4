package org.vae4j.cli.progress;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.vae4j.vae.EpochReport;
import org.vae4j.vae.StepReport;
import org.vae4j.vae.TrainingListener;

/**
 * Turns Ctrl-C (or any orderly JVM shutdown) during a command into a request to stop training: a shutdown
 * hook sets the request, which the trainer sees between steps and answers by keeping the best model so far;
 * the hook then holds the JVM open until the command has saved its results (at most
 * {@value #SAVE_WAIT_SECONDS} s). Closing it removes the hook.
 */
public final class GracefulStop implements AutoCloseable {

    private static final long SAVE_WAIT_SECONDS = 120;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final PrintWriter err;
    private final Thread hook;
    private volatile boolean requested;

    private GracefulStop(PrintWriter err) {
        this.err = err;
        this.hook = new Thread(this::stop, "vae4j-graceful-stop");
    }

    /** Installs the shutdown hook; close the result when the command is done. */
    public static GracefulStop install(PrintWriter err) {
        GracefulStop stop = new GracefulStop(err);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Whether a stop has been requested. */
    public boolean requested() {
        return requested;
    }

    /** {@code progress} plus the stop request: training ends when a stop is requested. */
    public TrainingListener around(TrainingListener progress) {
        return new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                progress.onStep(report);
            }

            @Override
            public void onEpoch(EpochReport report) {
                progress.onEpoch(report);
            }

            @Override
            public boolean stopRequested() {
                return requested;
            }
        };
    }

    private void stop() {
        requested = true;
        err.println();
        err.println("vae4j: stopping; keeping the best model so far and saving it...");
        err.flush();
        try {
            finished.await(SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the command's results as saved and removes the hook (unless the JVM is already shutting down). */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it returns now that the results are saved.
        }
    }
}
