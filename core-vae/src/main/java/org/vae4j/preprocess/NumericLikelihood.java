package org.vae4j.preprocess;

/**
 * How numeric columns are modelled. Tabular data wants a Gaussian with a learned per-column variance on
 * standardised values; image-like data with values in [0, 1] is conventionally modelled as continuous
 * Bernoulli targets (binary cross-entropy on the raw values).
 */
public enum NumericLikelihood {
    /** Gaussian with a learned per-feature variance. */
    GAUSSIAN,
    /** Bernoulli with logits on values in [0, 1] (the image convention). */
    BERNOULLI
}
