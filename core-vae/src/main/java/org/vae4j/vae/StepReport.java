package org.vae4j.vae;

/**
 * Progress within an epoch, for progress bars.
 *
 * @param epoch 1-based epoch number
 * @param epochs the configured number of epochs
 * @param step 1-based step within the epoch
 * @param stepsPerEpoch steps in a full epoch
 * @param loss the step's loss (minus the batch-mean bound)
 * @param samplesPerSecond rows per second so far in this epoch
 */
public record StepReport(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double samplesPerSecond) {}
