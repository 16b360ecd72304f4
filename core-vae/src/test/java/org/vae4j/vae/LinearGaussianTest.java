package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * The linear-Gaussian check: data from a probabilistic PCA model x = w z + b + noise with known w, b and
 * noise variance. Its marginal likelihood and its posterior p(z | x) have closed forms (computed here in
 * plain Java); a VAE with linear guide and decoder and a Gaussian likelihood must recover both.
 */
class LinearGaussianTest {

    private static final double[] W = {1.5, -1.0, 0.8, 2.0, -0.5};
    private static final double[] B = {1.0, -2.0, 0.5, 0.0, 3.0};
    private static final double NOISE_VARIANCE = 0.3;
    private static final int D = W.length;

    private static Vae vae;
    private static Table test;

    @BeforeAll
    static void train() {
        Random random = new Random(2024);
        Table train = sample(6000, random);
        test = sample(1000, random);
        vae = new VaeTrainer(linearConfig().epochs(120).learningRate(0.001).build()).fit(train);
    }

    /** A linear guide and decoder with a Gaussian likelihood of standardised columns, on the CPU. */
    static VaeConfig.Builder linearConfig() {
        return VaeConfig.builder()
                .latentDim(1)
                .encoderHidden(List.of())
                .decoderHidden(List.of())
                .numericLikelihood(NumericLikelihood.GAUSSIAN)
                .standardize(true)
                .batchSize(64)
                .seed(5)
                .device(DeviceChoice.CPU);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    static Table sample(int n, Random random) {
        Table.Builder builder = Table.builder(Schema.numeric("x", D), n);
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            double[] row = new double[D];
            for (int d = 0; d < D; d++) {
                row[d] = W[d] * z + B[d] + Math.sqrt(NOISE_VARIANCE) * random.nextGaussian();
            }
            builder.addRow(row);
        }
        return builder.build();
    }

    private static double wTw() {
        double s = 0;
        for (double w : W) {
            s += w * w;
        }
        return s;
    }

    /** log N(x; b, w w^T + s I) via the matrix determinant lemma and Sherman-Morrison. */
    private static double exactLogLikelihood(double[] x) {
        double s = NOISE_VARIANCE;
        double wtw = wTw();
        double rr = 0;
        double wr = 0;
        for (int d = 0; d < D; d++) {
            double r = x[d] - B[d];
            rr += r * r;
            wr += W[d] * r;
        }
        double logDet = D * Math.log(s) + Math.log(1 + wtw / s);
        double quadratic = (rr - wr * wr / (s + wtw)) / s;
        return -0.5 * (D * Math.log(2 * Math.PI) + logDet + quadratic);
    }

    @Test
    void heldOutLogLikelihoodMatchesTheExactPpcaLikelihood() {
        assertHeldOutLikelihoodIsExact(vae, test);
    }

    /** The model's importance-sampled log-likelihood of the test rows, on average, is the true model's. */
    static void assertHeldOutLikelihoodIsExact(Vae vae, Table test) {
        double[] estimated = vae.logLikelihood(test, 200, 9);
        double exact = 0;
        double vaeMean = 0;
        for (int r = 0; r < test.rows(); r++) {
            exact += exactLogLikelihood(test.row(r));
            vaeMean += estimated[r];
        }
        exact /= test.rows();
        vaeMean /= test.rows();
        assertEquals(exact, vaeMean, 0.05, "mean held-out log-likelihood per row (nats)");
    }

    /**
     * Compares the guide with the exact posterior of the decoder it was trained with: for a linear decoder
     * of standardised rows x = w z + b + N(0, diag psi), p(z | x) = N(v * sum_d w_d (x_d - b_d) / psi_d, v)
     * with v = 1 / (1 + sum_d w_d^2 / psi_d). The posterior of z does not depend on the standardisation,
     * so it must also match the true model's.
     */
    @Test
    void amortizedPosteriorMatchesTheExactPosteriorOfTheLearnedDecoder() {
        assertGuideIsTheExactPosterior(vae, test, 0, 1);
    }

    /**
     * The guide against the exact posterior of the learned decoder under a Gaussian prior N(m, s^2):
     * p(z | x) = N(v * (m / s^2 + sum_d w_d (x_d - b_d) / psi_d), v) with v = 1 / (1 / s^2 + sum_d w_d^2 / psi_d).
     * Relative to the prior's variance, the posterior variance is the true model's, whatever m and s.
     */
    static void assertGuideIsTheExactPosterior(Vae vae, Table test, double priorMean, double priorVariance) {
        float[] w = vae.model().decoder().getParameters().get("01Linear_weight").getArray().toFloatArray();
        float[] b = vae.model().decoder().getParameters().get("01Linear_bias").getArray().toFloatArray();
        float[] logPsi = vae.model().gaussianLogVariance().getArray().toFloatArray();
        double[] means = vae.preprocessor().means();
        double[] scales = vae.preprocessor().scales();
        double precision = 1 / priorVariance;
        for (int d = 0; d < D; d++) {
            precision += w[d] * w[d] / Math.exp(logPsi[d]);
        }
        double exactVariance = 1 / precision;
        double relativeVariance = exactVariance / priorVariance;
        assertEquals(NOISE_VARIANCE / (NOISE_VARIANCE + wTw()), relativeVariance, 0.1 * relativeVariance,
                "the learned decoder's posterior variance is near the true model's");
        Posterior posterior = vae.encode(test);
        double meanError = 0;
        double spread = 0;
        double varianceSum = 0;
        for (int r = 0; r < test.rows(); r++) {
            double[] x = test.row(r);
            double exactMean = priorMean / priorVariance;
            for (int d = 0; d < D; d++) {
                double standardized = (x[d] - means[d]) / scales[d];
                exactMean += w[d] * (standardized - b[d]) / Math.exp(logPsi[d]);
            }
            exactMean *= exactVariance;
            meanError += Math.abs(posterior.mean()[r][0] - exactMean);
            spread += Math.abs(exactMean - priorMean);
            double variance = posterior.std()[r][0] * posterior.std()[r][0];
            assertEquals(exactVariance, variance, 0.15 * exactVariance, "posterior variance of row " + r);
            varianceSum += variance;
        }
        assertEquals(exactVariance, varianceSum / test.rows(), 0.05 * exactVariance, "mean posterior variance");
        assertTrue(meanError < 0.03 * spread, "mean absolute error of the posterior means " + meanError / test.rows()
                + " against a mean |z - m| of " + spread / test.rows());
    }
}
