package org.vae4j.tribuo;

/**
 * What a feature that an example does not list means. Tribuo examples are sparse: by Tribuo's convention
 * an absent feature is zero, which is right for counts and pixels. For tabular data where an absent
 * feature means "not measured", {@link #MISSING} lets the VAE treat the cell as missing (the likelihood
 * skips it and the encoder sees the missing-value mask) instead of inventing a zero.
 */
public enum AbsentFeatures {
    /** An absent feature has value 0 (Tribuo's sparse convention). */
    ZERO,
    /**
     * An absent feature is a missing value. For dense data only, where an example lists nearly every
     * feature and an absent one is a cell nobody measured. On sparse data (bag-of-words text, counts) most
     * features are absent from every example, so nearly every cell would be missing: the VAE learns from
     * almost nothing and the latent features lose most of their value. Use {@link #ZERO} there.
     */
    MISSING
}
