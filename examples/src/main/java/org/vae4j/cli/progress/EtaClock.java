package org.vae4j.cli.progress;

import org.vae4j.vae.StepReport;

/** Estimates the time left in training from the steps done so far and the wall time they took. */
final class EtaClock {

    private long startNanos = -1;

    /** Seconds since the first step was reported. */
    double elapsedSeconds() {
        return startNanos < 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
    }

    /** Records a step and returns the estimated seconds left. */
    double secondsLeft(StepReport step) {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        long total = (long) step.epochs() * step.stepsPerEpoch();
        long done = (long) (step.epoch() - 1) * step.stepsPerEpoch() + step.step();
        return elapsedSeconds() / done * (total - done);
    }
}
