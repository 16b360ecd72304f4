package org.vae4j.dist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import org.vae4j.preprocess.EncodedLayout;

/**
 * The per-column composite likelihood of a mixed table: Gaussian columns with learned variance,
 * Bernoulli and continuous Bernoulli columns with logits and one Categorical per categorical block, in the order of an
 * {@link EncodedLayout}. Missing cells are skipped by the observation mask, so a row's log-likelihood
 * is the sum over its observed cells only.
 */
public final class MixedLikelihood {

    private final EncodedLayout layout;

    /** The likelihood for rows laid out by {@code layout}. */
    public MixedLikelihood(EncodedLayout layout) {
        this.layout = layout;
    }

    /** The layout the decoder's outputs follow. */
    public EncodedLayout layout() {
        return layout;
    }

    /**
     * log p(x | decoder output) per row.
     *
     * @param output decoder output (B, D): Gaussian means, Bernoulli and continuous Bernoulli logits,
     *     categorical logits
     * @param gaussianLogVariance learned log-variances of the Gaussian columns (G), or null when G = 0
     * @param x encoded targets (B, D)
     * @param mask 1 for observed, 0 for missing (B, D), or null when every cell is observed
     * @return shape (B)
     */
    public NDArray logProb(NDArray output, NDArray gaussianLogVariance, NDArray x, NDArray mask) {
        int g = layout.gaussianWidth();
        int b = layout.bernoulliWidth();
        NDArray total = null;
        if (g > 0) {
            NDArray lp = new LearnedVarianceGaussian(columns(output, 0, g), gaussianLogVariance)
                    .logProbElementwise(columns(x, 0, g));
            total = sumRows(masked(lp, mask, 0, g));
        }
        if (b > 0) {
            NDArray lp = new Bernoulli(columns(output, g, g + b)).logProbElementwise(columns(x, g, g + b));
            total = plus(total, sumRows(masked(lp, mask, g, g + b)));
        }
        int cb = layout.continuousBernoulliWidth();
        if (cb > 0) {
            int from = g + b;
            NDArray lp = new ContinuousBernoulli(columns(output, from, from + cb))
                    .logProbElementwise(columns(x, from, from + cb));
            total = plus(total, sumRows(masked(lp, mask, from, from + cb)));
        }
        for (int[] block : layout.categoricalBlocks()) {
            int from = block[0];
            int to = block[0] + block[1];
            // One-hot targets of a missing cell are all zero, so the mask is already applied.
            total = plus(total, new Categorical(columns(output, from, to)).logProb(columns(x, from, to)));
        }
        return total;
    }

    /** Columns [from, to) of a (B, D) array; the array itself when that is all of it (no copy, no op). */
    static NDArray columns(NDArray array, int from, int to) {
        if (from == 0 && to == array.getShape().get(1)) {
            return array;
        }
        return array.get(new NDIndex().addAllDim().addSliceDim(from, to));
    }

    private static NDArray masked(NDArray elementwise, NDArray mask, int from, int to) {
        return mask == null ? elementwise : elementwise.mul(columns(mask, from, to));
    }

    private static NDArray sumRows(NDArray elementwise) {
        return elementwise.sum(new int[] {-1});
    }

    private static NDArray plus(NDArray a, NDArray b) {
        return a == null ? b : a.add(b);
    }
}
