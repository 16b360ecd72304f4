package org.vae4j.vae;

import java.util.List;

/**
 * The record of a training run: one report per epoch, which epoch's parameters were kept, and why
 * training ended.
 *
 * @param epochs per-epoch reports in order
 * @param bestEpoch the epoch whose parameters the model holds (the last, or the best on validation)
 * @param stopReason why training ended
 */
public record TrainingHistory(List<EpochReport> epochs, int bestEpoch, StopReason stopReason) {

    /** Why training ended. */
    public enum StopReason {
        /** All configured epochs ran. */
        COMPLETED,
        /** The validation ELBO stopped improving for {@code patience} epochs. */
        EARLY_STOPPED,
        /** A listener asked to stop, or the thread was interrupted. */
        CANCELLED
    }

    /** Copies the list. */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The history of a model whose training is not recorded. */
    public static TrainingHistory empty() {
        return new TrainingHistory(List.of(), 0, StopReason.COMPLETED);
    }
}
