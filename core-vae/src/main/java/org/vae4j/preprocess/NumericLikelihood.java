package org.vae4j.preprocess;

/**
 * How numeric columns are modelled. Tabular data wants a Gaussian with a learned per-column variance on
 * standardised values; image-like data with values in [0, 1] is conventionally modelled as Bernoulli
 * targets (binary cross-entropy on the raw values), or with the continuous Bernoulli, the density that
 * convention lacks.
 */
public enum NumericLikelihood {
    /** Gaussian with a learned per-feature variance. */
    GAUSSIAN,
    /**
     * Bernoulli with logits on values in [0, 1] (the image convention). On values 0 and 1 it is a
     * probability; on grey levels in between, its "log-likelihood" is the negative binary cross-entropy,
     * which is not a log-density (it does not integrate to 1 over [0, 1]), so the log-likelihoods and
     * anomaly scores it gives are not comparable with those of a density.
     */
    BERNOULLI,
    /** The continuous Bernoulli (Loaiza-Ganem and Cunningham 2019): a true density on [0, 1]. */
    CONTINUOUS_BERNOULLI;

    /**
     * Whether the log-likelihood of a numeric value in (0, 1) is a log-density: false only for
     * {@link #BERNOULLI}, whose value there is a negative binary cross-entropy.
     */
    public boolean isDensity() {
        return this != BERNOULLI;
    }

    /** Whether numeric values must lie in [0, 1]. */
    public boolean needsUnitInterval() {
        return this != GAUSSIAN;
    }
}
