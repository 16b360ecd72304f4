package org.vae4j.cli.progress;

import java.io.PrintWriter;

import org.vae4j.vae.EpochReport;
import org.vae4j.vae.StepReport;
import org.vae4j.vae.TrainingListener;

/**
 * Plain progress lines for logs and pipes: one line per epoch, plus a step line at most every
 * {@value #INTERVAL_SECONDS} seconds within long epochs.
 */
public final class LogProgress implements TrainingListener {

    private static final double INTERVAL_SECONDS = 10;

    private final PrintWriter out;
    private final EtaClock clock = new EtaClock();
    private double lastLine;
    private int epochs;

    /** Writes lines to {@code out}. */
    public LogProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onStep(StepReport step) {
        epochs = step.epochs();
        double left = clock.secondsLeft(step);
        double now = clock.elapsedSeconds();
        if (now - lastLine >= INTERVAL_SECONDS) {
            lastLine = now;
            out.printf("epoch %d/%d step %d/%d loss=%.3f samples_per_sec=%.0f left=%s%n", step.epoch(), step.epochs(),
                    step.step(), step.stepsPerEpoch(), step.loss(), step.samplesPerSecond(), Durations.format(left));
            out.flush();
        }
    }

    @Override
    public void onEpoch(EpochReport epoch) {
        out.println(EpochLine.format(epoch, epochs));
        out.flush();
    }
}
