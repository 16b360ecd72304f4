package org.vae4j.cli.progress;

import org.vae4j.vae.EpochReport;
import org.vae4j.vae.StepReport;
import org.vae4j.vae.TrainingListener;

/**
 * A wall-clock budget for training: once it is spent, training stops between steps and keeps the best model
 * so far, so that a demo finishes in bounded time on a slow or busy machine.
 */
public final class TimeBudget {

    private final long budgetNanos;
    private long startNanos = -1;
    private volatile boolean spent;

    /** A budget of {@code seconds} (counted from the first step). */
    public TimeBudget(double seconds) {
        this.budgetNanos = (long) (seconds * 1e9);
    }

    /** Whether the budget ran out before training ended. */
    public boolean spent() {
        return spent;
    }

    /** {@code inner} plus the budget: training also stops when the budget is spent. */
    public TrainingListener around(TrainingListener inner) {
        return new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                inner.onStep(report);
            }

            @Override
            public void onEpoch(EpochReport report) {
                inner.onEpoch(report);
            }

            @Override
            public boolean stopRequested() {
                long now = System.nanoTime();
                if (startNanos < 0) {
                    startNanos = now;
                }
                spent |= now - startNanos > budgetNanos;
                return spent || inner.stopRequested();
            }
        };
    }
}
