package org.vae4j.vae;

/**
 * Training produced a non-finite loss (usually a learning rate that is too high, or unscaled inputs).
 * The message says where it happened and what to try.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An exception for a non-finite loss at the given epoch and step. */
    public TrainingDivergedException(int epoch, int step, double loss, double learningRate) {
        super("training diverged: the loss became " + loss + " at epoch " + epoch + ", step " + step
                + "; try a lower learning rate than " + learningRate + " or standardised inputs");
    }
}
