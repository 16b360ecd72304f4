package org.vae4j.cli.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.vae4j.vae.TrainingListener;

/** The budget counts on the clock it is given, from the first step, and stops training once it is spent. */
class TimeBudgetTest {

    @Test
    void theBudgetIsSpentOnItsOwnClockFromTheFirstStep() {
        AtomicLong clock = new AtomicLong(5_000_000_000L);
        TimeBudget budget = new TimeBudget(2.0, clock::get);
        TrainingListener listener = budget.around(TrainingListener.NONE);
        assertFalse(listener.stopRequested()); // the first step starts the count at 5 s
        clock.addAndGet(1_999_000_000L);
        assertFalse(listener.stopRequested());
        assertFalse(budget.spent());
        clock.addAndGet(2_000_000L);
        assertTrue(listener.stopRequested());
        assertTrue(budget.spent());
        clock.set(0); // once spent, it stays spent
        assertTrue(listener.stopRequested());
    }
}
