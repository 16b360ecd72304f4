package org.vae4j.infer;

import ai.djl.ndarray.NDArray;

/**
 * A mini-batch in the networks' encoding.
 *
 * @param x encoded rows (B, D)
 * @param mask 1 for observed and 0 for missing cells (B, D), or null when everything is observed
 * @param condition one-hot conditions (B, K), or null for an unconditional model
 */
public record Batch(NDArray x, NDArray mask, NDArray condition) {

    /** Number of rows. */
    public long size() {
        return x.getShape().get(0);
    }
}
