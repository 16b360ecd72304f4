package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Renyi bound against the bounds it contains (IWAE at alpha = 0, the ELBO at alpha = 1) with the same
 * draws, and against a plain-Java evaluation of its formula from the same log weights, stable for every
 * alpha (expm1 and log1p), also within float rounding of alpha = 1.
 */
class RenyiBoundTest {

    private static final int K = 6;
    private static final long SEED = 11;
    private static final double BETA = 0.8;

    private SmallMixedVae vae;

    @BeforeEach
    void build() {
        vae = new SmallMixedVae();
    }

    @AfterEach
    void close() {
        vae.close();
    }

    /** The bound per row, evaluated with a fresh noise source seeded with {@link #SEED}. */
    private double[] perRow(Bound bound) {
        return evaluate(noise -> bound.perRow(vae.guide, vae.model, vae.store(), vae.batch, noise, BETA, false));
    }

    private double[] evaluate(Function<NoiseSource, NDArray> values) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] out = values.apply(new NoiseSource(SEED)).toFloatArray();
            double[] widened = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                widened[i] = out[i];
            }
            return widened;
        }
    }

    /** The log weights of the K draws of each row, [draw * rows + row], as the bounds see them. */
    private double[] logWeights() {
        return evaluate(noise -> ImportanceWeights.logWeights(vae.guide, vae.model, vae.store(), vae.batch, noise,
                K, BETA, false));
    }

    /** 1/s log mean exp(s l) of one row in plain Java, centred where s (l - c) <= 0, with expm1 and log1p. */
    private static double renyi(double[] l, double alpha) {
        double s = 1 - alpha;
        double mean = 0;
        double centre = s > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : l) {
            mean += v / l.length;
            centre = s > 0 ? Math.max(centre, v) : Math.min(centre, v);
        }
        if (s == 0) {
            return mean;
        }
        double meanExpm1 = 0;
        for (double v : l) {
            meanExpm1 += Math.expm1(s * (v - centre)) / l.length;
        }
        return centre + Math.log1p(meanExpm1) / s;
    }

    private double[] row(double[] weights, int row) {
        int rows = weights.length / K;
        double[] l = new double[K];
        for (int i = 0; i < K; i++) {
            l[i] = weights[i * rows + row];
        }
        return l;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.3, 0.5, 0.9, 0.999, 1 - 1e-5, 1 - 2e-6, 1 - 5e-7, 1 - 1e-7, 1 - 1e-10, 1, 1 + 1e-9,
        1.5, 4})
    void matchesTheFormulaEvaluatedInPlainJava(double alpha) {
        double[] weights = logWeights();
        double[] bound = perRow(new RenyiBound(alpha, K));
        for (int r = 0; r < bound.length; r++) {
            double expected = renyi(row(weights, r), alpha);
            assertEquals(expected, bound[r], 2e-5 * Math.max(1, Math.abs(expected)), "alpha " + alpha + ", row " + r);
        }
    }

    @Test
    void alphaZeroIsTheImportanceWeightedBoundWithTheSameDraws() {
        double[] renyi = perRow(new RenyiBound(0, K));
        double[] iwae = perRow(new ImportanceWeightedBound(K));
        double[] elbo = perRow(new RenyiBound(1, K));
        for (int r = 0; r < renyi.length; r++) {
            assertEquals(iwae[r], renyi[r], 1e-5 * Math.max(1, Math.abs(iwae[r])), "row " + r);
            assertTrue(iwae[r] - elbo[r] > 1e-3, "the draws' IWAE and ELBO differ, so the match means something");
        }
    }

    /** The ELBO of K draws: the mean of K single-draw Monte Carlo ELBOs taking their noise one after another. */
    private double[] meanOfMonteCarloElbos() {
        return evaluate(noise -> {
            MonteCarloElbo elbo = new MonteCarloElbo();
            NDArray sum = elbo.perRow(vae.guide, vae.model, vae.store(), vae.batch, noise, BETA, false);
            for (int i = 1; i < K; i++) {
                sum = sum.add(elbo.perRow(vae.guide, vae.model, vae.store(), vae.batch, noise, BETA, false));
            }
            return sum.div(vae.manager.create((float) K));
        });
    }

    @Test
    void alphaOneIsTheMonteCarloElboOfTheSameDraws() {
        double[] elbo = meanOfMonteCarloElbos();
        double[] renyi = perRow(new RenyiBound(1, K));
        for (int r = 0; r < renyi.length; r++) {
            assertEquals(elbo[r], renyi[r], 1e-5 * Math.max(1, Math.abs(elbo[r])), "row " + r);
        }
    }

    @Test
    void oneDrawIsTheMonteCarloElboForEveryAlpha() {
        double[] elbo = perRow(new MonteCarloElbo());
        for (double alpha : new double[] {0, 0.5, 1, 3}) {
            double[] renyi = perRow(new RenyiBound(alpha, 1));
            for (int r = 0; r < renyi.length; r++) {
                assertEquals(elbo[r], renyi[r], 1e-5 * Math.max(1, Math.abs(elbo[r])), "alpha " + alpha + ", row " + r);
            }
        }
    }

    @Test
    void approachesTheElboAsAlphaApproachesOneAndLiesBetweenElboAndIwae() {
        double[] elbo = meanOfMonteCarloElbos();
        double[] iwae = perRow(new ImportanceWeightedBound(K));
        double[] previousGap = iwae.clone();
        for (int r = 0; r < elbo.length; r++) {
            previousGap[r] -= elbo[r];
        }
        for (double alpha : new double[] {0.5, 0.9, 0.99, 0.999}) {
            double[] renyi = perRow(new RenyiBound(alpha, K));
            for (int r = 0; r < renyi.length; r++) {
                double gap = renyi[r] - elbo[r];
                assertTrue(gap > 0 && gap < previousGap[r], "alpha " + alpha + ", row " + r + ": gap to the ELBO "
                        + gap + " after " + previousGap[r]);
                assertTrue(renyi[r] < iwae[r], "alpha " + alpha + ", row " + r + " is below IWAE");
                previousGap[r] = gap;
            }
        }
        for (int r = 0; r < elbo.length; r++) {
            assertTrue(previousGap[r] < 0.01 * (iwae[r] - elbo[r]), "alpha 0.999 is within 1% of the way to IWAE");
        }
    }

    @Test
    void refusesAnOrderOrSampleCountOutsideItsRange() {
        for (double alpha : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RenyiBound(alpha, 3));
            assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new RenyiBound(0.5, 0));
    }
}
