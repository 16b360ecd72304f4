package org.vae4j.infer.coupled;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/**
 * Which particle each row's chain selects: a draw from the categorical distribution of the weights, one chain
 * alone, or a maximal coupling of two chains' draws, made on the engine for every row at once by inverting the
 * cumulative weights at a uniform.
 */
final class IndexChoice {

    private IndexChoice() {}

    /**
     * For each row b, the index i with probability weights[i, b] / sum_j weights[j, b].
     *
     * @param weights non-negative weights (N, B), not necessarily normalised
     * @param uniform one uniform in [0, 1) per row (B)
     * @return the indices (B), int64
     */
    static NDArray sample(NDArray weights, NDArray uniform) {
        NDArray cumulative = weights.cumSum(0);
        long last = weights.getShape().get(0) - 1;
        NDArray threshold = uniform.mul(cumulative.get(last)).expandDims(0);
        return cumulative.lt(threshold).toType(DataType.INT64, false).sum(new int[] {0}).clip(0, last);
    }

    /**
     * A maximal coupling of the draws i ~ p and j ~ q for each row: both marginals are exact and i = j with the
     * largest possible probability, sum_s min(p_s, q_s). With that probability both take a draw of min(p, q);
     * otherwise each draws from its own remainder (p - min(p, q) and q - min(p, q)), which never agree.
     *
     * @param p the first chain's normalised weights (N, B)
     * @param q the second chain's normalised weights (N, B)
     * @param uniforms four uniforms in [0, 1) per row (4, B)
     * @return the two chains' indices, each (B), int64
     */
    static NDArray[] maximalCoupling(NDArray p, NDArray q, NDArray uniforms) {
        NDArray overlap = p.minimum(q);
        NDArray together = uniforms.get(0).lt(overlap.sum(new int[] {0}));
        NDArray common = sample(overlap, uniforms.get(1));
        NDArray first = NDArrays.where(together, common, sample(p.sub(overlap), uniforms.get(2)));
        NDArray second = NDArrays.where(together, common, sample(q.sub(overlap), uniforms.get(3)));
        return new NDArray[] {first, second};
    }
}
