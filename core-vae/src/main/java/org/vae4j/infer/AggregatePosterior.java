package org.vae4j.infer;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import org.vae4j.dist.LatentDistribution;
import org.vae4j.engine.NativeArrays;

/**
 * Mini-batch estimates, at each row's draw z_i, of the log-density of the aggregate posterior q(z) and of the
 * product of its marginals prod_j q(z_j): the two densities that split the KL into mutual information, total
 * correlation and dimension-wise KL (beta-TCVAE). Both come from the matrix log q(z_ij | x_k) of every draw i
 * under every row k's posterior, per dimension j, which needs a posterior that factorises over the dimensions.
 *
 * @param logAggregate log q(z_i), shape (B)
 * @param logProductOfMarginals sum_j log q(z_ij), shape (B)
 */
record AggregatePosterior(NDArray logAggregate, NDArray logProductOfMarginals) {

    /**
     * The estimates at the draws {@code z} (B, M) of the posteriors {@code q} (B rows).
     *
     * @param trainingRows N, the number of training rows q(z) averages over
     * @throws UnsupportedOperationException if {@code q} does not factorise over the latent dimensions
     */
    static AggregatePosterior estimate(LatentDistribution q, NDArray z, long trainingRows,
            MinibatchEstimator estimator) {
        int batch = (int) z.getShape().get(0);
        // [i, k, j] = log q_j(z_ij | x_k): the draws (B, 1, M) broadcast against the posteriors (B, M).
        NDArray perDimension = q.logProbPerDimension(z.expandDims(1));
        FloatBuffer weights = FloatBuffer.wrap(estimator.logWeights(batch, trainingRows));
        NDArray logWeights = NativeArrays.copyOf(z.getManager(), weights, new Shape(batch, batch));
        NDArray logAggregate = logSumExp(perDimension.sum(new int[] {2}).add(logWeights), 1);
        NDArray logMarginals = logSumExp(perDimension.add(logWeights.expandDims(2)), 1);
        return new AggregatePosterior(logAggregate, logMarginals.sum(new int[] {1}));
    }

    /** log sum exp over {@code axis}, centred on the (constant) maximum so that nothing overflows. */
    private static NDArray logSumExp(NDArray x, int axis) {
        NDArray centre = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(centre).exp().sum(new int[] {axis}).log().add(centre.squeeze(axis));
    }
}
