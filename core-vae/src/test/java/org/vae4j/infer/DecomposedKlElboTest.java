package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.dist.DiagonalNormal;

/**
 * beta-TCVAE's mini-batch estimators of log q(z) and sum_j log q(z_j), against the sums written out in plain
 * Java over known diagonal Gaussians, and its decomposed KL: the three weighted terms are the estimators'
 * differences, and with alpha = beta = gamma = 1 the objective is the Monte Carlo ELBO at the same draw.
 */
class DecomposedKlElboTest {

    private static final int B = 4;
    private static final int M = 3;
    private static final long N = 10;
    private static final double[][] MEAN = {{0.1, -0.4, 1.2}, {-0.7, 0.3, 0.0}, {0.5, 0.5, -1.1}, {0.0, -1.3, 0.4}};
    private static final double[][] LOG_VARIANCE = {{-0.2, 0.1, -1.0}, {0.3, -0.5, 0.0}, {-0.8, 0.2, 0.4},
        {0.0, -0.3, -0.6}};
    private static final double[][] Z = {{0.3, -0.1, 0.9}, {-0.5, 0.6, -0.2}, {0.7, 0.1, -0.8}, {-0.2, -1.0, 0.1}};

    private SmallMixedVae vae;
    private NDManager manager;

    @BeforeEach
    void build() {
        vae = new SmallMixedVae();
        manager = vae.manager;
    }

    @AfterEach
    void close() {
        vae.close();
    }

    private NDArray array(double[][] values) {
        float[] flat = new float[B * M];
        for (int i = 0; i < B; i++) {
            for (int j = 0; j < M; j++) {
                flat[i * M + j] = (float) values[i][j];
            }
        }
        return manager.create(flat, new Shape(B, M));
    }

    private static double logNormal(double x, double mean, double logVariance) {
        double d = x - mean;
        return -0.5 * (Math.log(2 * Math.PI) + logVariance + d * d / Math.exp(logVariance));
    }

    /** The weight of row k's posterior at row i's draw, written from the definitions. */
    private static double weight(MinibatchEstimator estimator, int i, int k) {
        if (estimator == MinibatchEstimator.MWS) {
            return 1.0 / (N * B);
        }
        double others = B - 1;
        if (k == i) {
            return 1.0 / N;
        }
        return k == (i + 1) % B ? (N - others) / (N * others) : 1 / others;
    }

    /** log sum_k w_ik prod_j q(z_ij | x_k) and sum_j log sum_k w_ik q(z_ij | x_k), directly. */
    private static double[][] direct(MinibatchEstimator estimator) {
        double[] aggregate = new double[B];
        double[] marginals = new double[B];
        for (int i = 0; i < B; i++) {
            double joint = 0;
            for (int k = 0; k < B; k++) {
                double logDensity = 0;
                for (int j = 0; j < M; j++) {
                    logDensity += logNormal(Z[i][j], MEAN[k][j], LOG_VARIANCE[k][j]);
                }
                joint += weight(estimator, i, k) * Math.exp(logDensity);
            }
            aggregate[i] = Math.log(joint);
            for (int j = 0; j < M; j++) {
                double marginal = 0;
                for (int k = 0; k < B; k++) {
                    marginal += weight(estimator, i, k) * Math.exp(logNormal(Z[i][j], MEAN[k][j], LOG_VARIANCE[k][j]));
                }
                marginals[i] += Math.log(marginal);
            }
        }
        return new double[][] {aggregate, marginals};
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    @Test
    void minibatchEstimatesMatchTheSumsWrittenOut() {
        DiagonalNormal q = new DiagonalNormal(array(MEAN), array(LOG_VARIANCE));
        for (MinibatchEstimator estimator : MinibatchEstimator.values()) {
            AggregatePosterior estimate = AggregatePosterior.estimate(q, array(Z), N, estimator);
            double[][] expected = direct(estimator);
            assertArrayEquals(floats(expected[0]), estimate.logAggregate().toFloatArray(), 1e-4f,
                    estimator + " log q(z)");
            assertArrayEquals(floats(expected[1]), estimate.logProductOfMarginals().toFloatArray(), 1e-4f,
                    estimator + " sum_j log q(z_j)");
        }
    }

    @Test
    void stratifiedWeightsOfEachDrawSumToOne() {
        float[] logWeights = MinibatchEstimator.MSS.logWeights(B, N);
        for (int i = 0; i < B; i++) {
            double sum = 0;
            for (int k = 0; k < B; k++) {
                sum += Math.exp(logWeights[i * B + k]);
            }
            assertEquals(1, sum, 1e-6, "row " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> MinibatchEstimator.MSS.logWeights(B, B - 1),
                "a batch larger than the training set");
    }

    private float[] perRow(Bound bound, double klWeight) {
        return bound.perRow(vae.guide, vae.model, vae.store(), vae.batch, new NoiseSource(5), klWeight, false)
                .toFloatArray();
    }

    @Test
    void unitWeightsGiveTheMonteCarloElbo() {
        for (double klWeight : new double[] {1, 0.3}) {
            for (MinibatchEstimator estimator : MinibatchEstimator.values()) {
                assertArrayEquals(perRow(new MonteCarloElbo(), klWeight),
                        perRow(new DecomposedKlElbo(1, 1, 1, estimator, 7), klWeight), 1e-4f,
                        estimator + ", KL weight " + klWeight);
            }
        }
    }

    @Test
    void eachWeightScalesItsOwnTermAndTheKlWeightScalesAll() {
        ReparameterizedDraw draw = ReparameterizedDraw.of(vae.guide, vae.model, vae.store(), vae.batch,
                new NoiseSource(5), false);
        AggregatePosterior aggregate = AggregatePosterior.estimate(draw.posterior(), draw.z(), 7,
                MinibatchEstimator.MSS);
        float[] logLikelihood = draw.logLikelihood().toFloatArray();
        float[] logConditional = draw.sample().logProb().toFloatArray();
        float[] logAggregate = aggregate.logAggregate().toFloatArray();
        float[] logMarginals = aggregate.logProductOfMarginals().toFloatArray();
        float[] logPrior = vae.model.priorLogProb(vae.store(), draw.z(), false).toFloatArray();
        double alpha = 2;
        double beta = 5;
        double gamma = 0.5;
        double klWeight = 0.8;
        float[] actual = perRow(new DecomposedKlElbo(alpha, beta, gamma, MinibatchEstimator.MSS, 7), klWeight);
        for (int i = 0; i < actual.length; i++) {
            double mutualInformation = logConditional[i] - logAggregate[i];
            double totalCorrelation = logAggregate[i] - logMarginals[i];
            double dimensionwiseKl = logMarginals[i] - logPrior[i];
            double expected = logLikelihood[i]
                    - klWeight * (alpha * mutualInformation + beta * totalCorrelation + gamma * dimensionwiseKl);
            assertEquals(expected, actual[i], 1e-3, "row " + i);
        }
        assertTrue(actual.length == 3);
    }
}
