package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.dist.MixedLikelihood;
import org.vae4j.engine.Engines;
import org.vae4j.nn.Mlp;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * The bounds on a linear-Gaussian (probabilistic PCA) model whose log p(x) is known exactly, with a linear
 * guide deliberately off the exact posterior (mean shrunk and shifted, variance too wide), so that every
 * gap is real: in expectation ELBO <= Renyi (alpha in (0, 1)) <= IWAE <= log p(x), each gap more than
 * three standard errors of the mean over rows, and IWAE with many samples closes on log p(x).
 */
class BoundOrderingTest {

    private static final double[] W = {1.5, -1.0, 0.8, 2.0, -0.5};
    private static final double[] B = {1.0, -2.0, 0.5, 0.0, 3.0};
    private static final double NOISE_VARIANCE = 0.3;
    private static final int D = W.length;
    private static final int ROWS = 400;
    private static final int K = 8;
    /** Evaluations averaged per row: each bound's mean is then precise enough to show gaps of hundredths. */
    private static final int REPEATS = 16;

    private static NDManager manager;
    private static Guide guide;
    private static Model model;
    private static Batch batch;
    private static double[] exact;

    @BeforeAll
    static void build() {
        manager = Engines.pytorch().newBaseManager();
        double posteriorVariance = 1 / (1 + dot(W, W) / NOISE_VARIANCE);
        // The guide's mean is 0.9 times the exact one plus 0.1; its variance e^0.8 times the exact one.
        float[] meanWeights = new float[D];
        for (int d = 0; d < D; d++) {
            meanWeights[d] = (float) (0.9 * posteriorVariance * W[d] / NOISE_VARIANCE);
        }
        float meanBias = (float) (0.1 - 0.9 * posteriorVariance * dot(W, B) / NOISE_VARIANCE);
        float[] guideWeight = new float[2 * D];
        System.arraycopy(meanWeights, 0, guideWeight, 0, D);
        Block encoder = linear(D, 2, guideWeight, new float[] {meanBias, (float) (Math.log(posteriorVariance) + 0.8)});
        Block decoder = linear(1, D, toFloats(W), toFloats(B));
        Parameter logVariance = Parameter.builder().setName("lv").setType(Parameter.Type.OTHER)
                .optShape(new Shape(D)).optInitializer(Initializer.ZEROS).build();
        logVariance.initialize(manager, DataType.FLOAT32);
        float[] lv = new float[D];
        java.util.Arrays.fill(lv, (float) Math.log(NOISE_VARIANCE));
        logVariance.getArray().set(lv);
        guide = new GaussianGuide(encoder, 1, false);
        model = new Model(new StandardNormalPrior(1), decoder,
                new MixedLikelihood(new EncodedLayout(Schema.numeric("x", D), NumericLikelihood.GAUSSIAN)), logVariance);

        Random random = new Random(2024);
        float[] x = new float[ROWS * D];
        exact = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            double z = random.nextGaussian();
            double[] row = new double[D];
            for (int d = 0; d < D; d++) {
                row[d] = W[d] * z + B[d] + Math.sqrt(NOISE_VARIANCE) * random.nextGaussian();
                x[r * D + d] = (float) row[d];
            }
            exact[r] = exactLogLikelihood(row, posteriorVariance);
        }
        batch = new Batch(manager.create(x, new Shape(ROWS, D)), null, null);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Block linear(int in, int out, float[] weight, float[] bias) {
        Block block = Mlp.of(List.of(), out);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, in));
        block.getParameters().valueAt(0).getArray().set(weight);
        block.getParameters().valueAt(1).getArray().set(bias);
        return block;
    }

    /**
     * log p(x) by Bayes' rule at the exact posterior mean m: log p(x | m) + log p(m) - log p(m | x), with
     * p(z | x) = N(m, v), v = 1 / (1 + w.w / s) and m = v w.(x - b) / s.
     */
    private static double exactLogLikelihood(double[] x, double v) {
        double m = 0;
        for (int d = 0; d < D; d++) {
            m += v * W[d] * (x[d] - B[d]) / NOISE_VARIANCE;
        }
        double logLikelihood = 0;
        for (int d = 0; d < D; d++) {
            logLikelihood += logNormal(x[d], W[d] * m + B[d], NOISE_VARIANCE);
        }
        return logLikelihood + logNormal(m, 0, 1) - logNormal(m, m, v);
    }

    private static double logNormal(double x, double mean, double variance) {
        return -0.5 * (Math.log(2 * Math.PI * variance) + (x - mean) * (x - mean) / variance);
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /**
     * The bound of every row, beta = 1, averaged over {@code repeats} independent evaluations whose noise
     * comes from one generator seeded with {@code seed}.
     */
    private static double[] averaged(Bound bound, int repeats, long seed) {
        NoiseSource noise = new NoiseSource(seed);
        double[] mean = new double[ROWS];
        for (int i = 0; i < repeats; i++) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                float[] values = bound.perRow(guide, model, new ParameterStore(manager, false), batch, noise, 1, false)
                        .toFloatArray();
                for (int r = 0; r < ROWS; r++) {
                    mean[r] += values[r] / (double) repeats;
                }
            }
        }
        return mean;
    }

    /** Asserts that {@code upper} exceeds {@code lower} on average over rows by more than three standard errors. */
    private static void assertAboveOnAverage(double[] upper, double[] lower, String what) {
        double mean = 0;
        for (int r = 0; r < ROWS; r++) {
            mean += (upper[r] - lower[r]) / ROWS;
        }
        double variance = 0;
        for (int r = 0; r < ROWS; r++) {
            double d = upper[r] - lower[r] - mean;
            variance += d * d / (ROWS - 1);
        }
        double standardError = Math.sqrt(variance / ROWS);
        assertTrue(mean > 3 * standardError, what + ": mean gap " + mean + " with standard error " + standardError);
    }

    @Test
    void elboRenyiIwaeAndTheExactLogLikelihoodAreOrdered() {
        // Independent draws for each bound: the ordering is of expectations, not of shared draws.
        double[] elbo = averaged(new MonteCarloElbo(), REPEATS, 1);
        double[] renyi = averaged(new RenyiBound(0.5, K), REPEATS, 2);
        double[] iwae = averaged(new ImportanceWeightedBound(K), REPEATS, 3);
        assertAboveOnAverage(renyi, elbo, "Renyi(0.5) above the ELBO");
        assertAboveOnAverage(iwae, renyi, "IWAE above Renyi(0.5)");
        assertAboveOnAverage(exact, iwae, "log p(x) above IWAE");
    }

    @Test
    void theAnalyticElboIsTheExpectationOfTheMonteCarloElbo() {
        double[] analytic = averaged(new AnalyticKlElbo(), 64, 4);
        double[] sampled = averaged(new MonteCarloElbo(), 64, 5);
        double gap = 0;
        for (int r = 0; r < ROWS; r++) {
            gap += (analytic[r] - sampled[r]) / ROWS;
        }
        assertEquals(0, gap, 0.02, "mean analytic ELBO minus the Monte Carlo ELBO, each averaged over 64 draws");
    }

    @Test
    void iwaeWithManySamplesClosesOnTheExactLogLikelihood() {
        double[] iwae = averaged(new ImportanceWeightedBound(2000), 1, 6);
        double[] elbo = averaged(new RenyiBound(1, 64), 1, 7);
        double iwaeGap = 0;
        double elboGap = 0;
        for (int r = 0; r < ROWS; r++) {
            iwaeGap += (exact[r] - iwae[r]) / ROWS;
            elboGap += (exact[r] - elbo[r]) / ROWS;
        }
        assertTrue(elboGap > 0.3, "the guide is off the posterior: the ELBO is " + elboGap + " nats below");
        assertEquals(0, iwaeGap, 0.01, "mean log p(x) minus IWAE(2000) in nats, ELBO gap " + elboGap);
    }
}
