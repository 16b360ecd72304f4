package org.vae4j.vae;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened in one training epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean negative training objective per row (nats)
 * @param validationElbo mean ELBO per held-out row (nats), NaN without a validation split
 * @param beta the KL weight at the end of the epoch
 * @param seconds wall time of the training steps (evaluation excluded)
 * @param samplesPerSecond training rows processed per second
 * @param statistics figures the training procedure measured over the epoch, by name (the coupled chains' meeting
 *     times, say), empty for most procedures; not kept in model files
 */
public record EpochReport(int epoch, double trainLoss, double validationElbo, double beta, double seconds,
        double samplesPerSecond, Map<String, Double> statistics) {

    /** Copies the statistics, keeping their order. */
    public EpochReport {
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
    }

    /** A report without procedure statistics. */
    public EpochReport(int epoch, double trainLoss, double validationElbo, double beta, double seconds,
            double samplesPerSecond) {
        this(epoch, trainLoss, validationElbo, beta, seconds, samplesPerSecond, Map.of());
    }
}
