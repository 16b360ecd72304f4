package org.vae4j.cli.progress;

import java.io.PrintWriter;

import org.vae4j.vae.EpochReport;
import org.vae4j.vae.StepReport;
import org.vae4j.vae.TrainingListener;

/**
 * A progress bar redrawn in place on a terminal: epoch, step, loss, samples/s and time left; each finished
 * epoch leaves one summary line behind.
 */
public final class TerminalProgress implements TrainingListener {

    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final EtaClock clock = new EtaClock();
    private long lastDraw;
    private int epochs;

    /** Draws on {@code out} (the terminal). */
    public TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onStep(StepReport step) {
        epochs = step.epochs();
        double left = clock.secondsLeft(step);
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && step.step() != step.stepsPerEpoch()) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) BAR_WIDTH * step.step() / step.stepsPerEpoch());
        out.printf("\repoch %d/%d [%s%s] %d/%d  loss %.2f  %,.0f samples/s  %s left ", step.epoch(), step.epochs(),
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), step.step(), step.stepsPerEpoch(), step.loss(),
                step.samplesPerSecond(), Durations.format(left));
        out.flush();
    }

    @Override
    public void onEpoch(EpochReport epoch) {
        out.print("\r\033[2K");
        out.println(EpochLine.format(epoch, epochs));
        out.flush();
    }
}
