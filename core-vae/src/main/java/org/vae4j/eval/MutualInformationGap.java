package org.vae4j.eval;

import java.util.Arrays;

/**
 * The mutual information gap (MIG) of Chen et al. 2018, "Isolating Sources of Disentanglement in VAEs":
 * for each ground-truth factor v_k, the mutual information I(z_j; v_k) with every latent z_j is
 * estimated, the largest two are taken, and their difference is divided by the factor's entropy H(v_k);
 * MIG is the mean of these gaps over the factors. It is near 1 when each factor is captured by one
 * latent alone and near 0 when no latent stands out for any factor.
 *
 * <p>The latents are continuous; as in the paper's discrete-factor setting and in disentanglement_lib, each
 * latent is cut into equal-width bins over its observed range and the mutual information is the plug-in
 * estimate on the resulting table of counts. The latent codes are usually posterior means.
 *
 * @param score the mean gap over the factors, in [0, 1]
 * @param perFactor the normalised gap of each factor, in factor order
 */
public record MutualInformationGap(double score, double[] perFactor) {

    /** The bin count of disentanglement_lib's MIG. */
    public static final int DEFAULT_BINS = 20;

    /** Copies the per-factor gaps. */
    public MutualInformationGap {
        perFactor = perFactor.clone();
    }

    @Override
    public double[] perFactor() {
        return perFactor.clone();
    }

    /**
     * MIG of latent codes against ground-truth factors.
     *
     * @param latents one code per observation, at least two latent dimensions
     * @param factors the observation's factor levels (indices >= 0), one row per observation
     * @param bins equal-width bins per latent
     * @throws IllegalArgumentException for tables of different row counts, ragged rows (naming the row),
     *     fewer than two latents, a bin count below 2, or a factor that takes one level only (its
     *     entropy is 0 and its gap undefined)
     */
    public static MutualInformationGap of(double[][] latents, int[][] factors, int bins) {
        int latentDim = FactorCodes.width(latents, "latent");
        if (latents.length != factors.length) {
            throw new IllegalArgumentException(latents.length + " latent rows but " + factors.length + " factor rows");
        }
        if (latentDim < 2) {
            throw new IllegalArgumentException("MIG needs at least two latent dimensions, got " + latentDim);
        }
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        }
        int[][] binned = new int[latentDim][];
        for (int j = 0; j < latentDim; j++) {
            binned[j] = DiscreteInformation.histogramBins(FactorCodes.column(latents, j), bins);
        }
        double[] gaps = new double[factors[0].length];
        for (int k = 0; k < gaps.length; k++) {
            int[] factor = FactorCodes.factorColumn(factors, k);
            double entropy = DiscreteInformation.entropy(factor);
            if (!(entropy > 0)) {
                throw new IllegalArgumentException("factor " + (k + 1) + " takes a single level: its entropy is 0");
            }
            double[] information = new double[latentDim];
            for (int j = 0; j < latentDim; j++) {
                information[j] = DiscreteInformation.mutualInformation(binned[j], factor);
            }
            Arrays.sort(information);
            gaps[k] = (information[latentDim - 1] - information[latentDim - 2]) / entropy;
        }
        return new MutualInformationGap(Arrays.stream(gaps).average().orElseThrow(), gaps);
    }
}
