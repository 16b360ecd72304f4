package org.vae4j.oversample;

/** Where an oversampler's synthetic rows of a class come from. */
public enum OversamplingMethod {

    /**
     * Between a real row of the class and one of its nearest neighbours of the same class in latent space:
     * the row decoded from a point on the segment between their latent codes, plus the same mix of the two
     * rows' reconstruction residuals (what the decoder does not reproduce of them). The decoder bends the
     * path along the data; what it cannot reconstruct is taken from the real rows, so the synthetic rows stay
     * where the class's rows are also when the VAE has learned little of the class.
     */
    INTERPOLATE,

    /** Decoded from a point on the segment between the two latent codes alone, without the residuals. */
    DECODE,

    /** Decoded from draws from the prior with the class as condition: rows anywhere the decoder puts the class. */
    PRIOR
}
