package org.vae4j.vae;

/**
 * What happened in one training epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean negative training objective per row (nats)
 * @param validationElbo mean ELBO per held-out row (nats), NaN without a validation split
 * @param beta the KL weight at the end of the epoch
 * @param seconds wall time of the training steps (evaluation excluded)
 * @param samplesPerSecond training rows processed per second
 */
public record EpochReport(int epoch, double trainLoss, double validationElbo, double beta, double seconds,
        double samplesPerSecond) {}
