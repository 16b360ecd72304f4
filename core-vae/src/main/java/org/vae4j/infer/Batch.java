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

    /**
     * The batch stacked {@code copies} times along the rows (copy i of row b at i * B + b), for scoring several
     * latent draws per row in one pass.
     */
    public Batch tiled(long copies) {
        return copies == 1 ? this : new Batch(tile(x, copies), tile(mask, copies), tile(condition, copies));
    }

    private static NDArray tile(NDArray array, long copies) {
        return array == null ? null : array.tile(new long[] {copies, 1});
    }
}
