package org.vae4j.vae;

/**
 * Receives training progress and can ask training to stop. Callbacks run on the training thread between
 * steps, so they should be quick. Stopping (or interrupting the training thread) ends training after the
 * current step and keeps the best model so far.
 */
public interface TrainingListener {

    /** Called after every optimisation step. */
    default void onStep(StepReport report) {}

    /** Called after every epoch, once the validation ELBO (if any) is known. */
    default void onEpoch(EpochReport report) {}

    /** Polled between steps: true ends training early, keeping the best model so far. */
    default boolean stopRequested() {
        return false;
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};
}
