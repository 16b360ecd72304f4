package org.vae4j.cli.progress;

import java.util.function.LongSupplier;

import org.vae4j.vae.EpochReport;
import org.vae4j.vae.StepReport;
import org.vae4j.vae.TrainingListener;

/**
 * A time budget for training: once it is spent, training stops between steps and keeps the best model so far,
 * so that a demo finishes in bounded time on a slow or busy machine. The budget is wall-clock time, or any other
 * clock a benchmark needs (such as the process's CPU time, which other work on the machine does not spend).
 */
public final class TimeBudget {

    private final long budgetNanos;
    private final LongSupplier clockNanos;
    private long startNanos = -1;
    private volatile boolean spent;

    /** A budget of {@code seconds} of wall-clock time (counted from the first step). */
    public TimeBudget(double seconds) {
        this(seconds, System::nanoTime);
    }

    /**
     * A budget of {@code seconds} on the given clock (counted from the first step).
     *
     * @param clockNanos reads the clock, in nanoseconds from any fixed origin
     */
    public TimeBudget(double seconds, LongSupplier clockNanos) {
        this.budgetNanos = (long) (seconds * 1e9);
        this.clockNanos = clockNanos;
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
                long now = clockNanos.getAsLong();
                if (startNanos < 0) {
                    startNanos = now;
                }
                spent |= now - startNanos > budgetNanos;
                return spent || inner.stopRequested();
            }
        };
    }
}
