package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.dist.DiagonalNormal;
import org.vae4j.engine.Engines;

/**
 * The mixture-of-Gaussians prior against the mixture density computed in plain Java, its sampler against
 * its parameters, and its gradients against finite differences, with parameters set away from their
 * initial values (unequal weights, distinct variances).
 */
class MixtureOfGaussiansPriorTest {

    private static final float[] MEANS = {-10, 1, 0, 0.5f, 10, -2};
    private static final float[] LOG_VARIANCES = {-0.5f, 0.3f, 0.2f, -1, 0, 0.4f};
    private static final float[] LOGITS = {0.4f, 1.3f, 0.1f};

    private NDManager manager;
    private MixtureOfGaussiansPrior prior;

    @BeforeEach
    void build() {
        manager = Engines.pytorch().newBaseManager();
        prior = new MixtureOfGaussiansPrior(2, 3, 1.0, manager, new Random(1));
        set(MixtureOfGaussiansPrior.MEANS, MEANS);
        set(MixtureOfGaussiansPrior.LOG_VARIANCES, LOG_VARIANCES);
        set(MixtureOfGaussiansPrior.LOGITS, LOGITS);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private void set(String name, float[] values) {
        parameter(name).getArray().set(FloatBuffer.wrap(values));
    }

    private Parameter parameter(String name) {
        return prior.parameters().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    private static double[] weights() {
        double[] w = new double[LOGITS.length];
        double total = 0;
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.exp(LOGITS[k]);
            total += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= total;
        }
        return w;
    }

    @Test
    void logProbIsTheMixtureDensityComputedInJava() {
        // The last code is far from every component: a log-sum-exp without a shift would give log 0 in floats.
        double[][] z = {{0, 0}, {-9.2, 1.5}, {5, -1}, {1.3, 0.4}, {-20, 12}};
        float[] logProb = prior.logProb(new ParameterStore(manager, false), PriorChecks.codes(manager, z), false)
                .toFloatArray();
        for (int r = 0; r < z.length; r++) {
            double expected = PriorChecks.logMixture(z[r], MEANS, LOG_VARIANCES, weights());
            assertEquals(expected, logProb[r], 1e-4 * Math.abs(expected) + 1e-4, "log p(z) at row " + r);
        }
    }

    @Test
    void logProbKeepsLeadingAxes() {
        double[][] z = {{0, 0}, {-6.2, 1.5}, {5, -1}, {1.3, 0.4}, {-1, 2}, {3, 3}};
        ParameterStore store = new ParameterStore(manager, false);
        NDArray flat = PriorChecks.codes(manager, z);
        NDArray stacked = prior.logProb(store, flat.reshape(2, 3, 2), false);
        assertEquals(new Shape(2, 3), stacked.getShape());
        float[] expected = prior.logProb(store, flat, false).toFloatArray();
        float[] actual = stacked.toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "code " + i);
        }
    }

    @Test
    void oneComponentWithoutSpreadStartsAsTheStandardNormal() {
        MixtureOfGaussiansPrior single = new MixtureOfGaussiansPrior(3, 1, 0, manager, new Random(2));
        NDArray z = PriorChecks.codes(manager, new double[][] {{0, 1, -2}, {0.5, 0.5, 3}});
        float[] expected = DiagonalNormal.standardLogProb(z).toFloatArray();
        float[] actual = single.logProb(new ParameterStore(manager, false), z, false).toFloatArray();
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r], actual[r], 1e-5, "row " + r);
        }
    }

    @Test
    void samplerFollowsTheWeightsMeansAndSpreads() {
        PriorSampler sampler = prior.sampler(new ParameterStore(manager, false));
        Random random = new Random(9);
        int draws = 30000;
        int[] counts = new int[3];
        double[][] sums = new double[3][2];
        double[][] squares = new double[3][2];
        for (int i = 0; i < draws; i++) {
            double[] z = sampler.draw(random);
            // The components are 10 apart on the first axis with standard deviations below 1.2.
            int k = z[0] < -5 ? 0 : z[0] < 5 ? 1 : 2;
            counts[k]++;
            for (int j = 0; j < 2; j++) {
                sums[k][j] += z[j];
                squares[k][j] += z[j] * z[j];
            }
        }
        double[] weights = weights();
        for (int k = 0; k < 3; k++) {
            assertEquals(weights[k], counts[k] / (double) draws, 0.01, "frequency of component " + k);
            for (int j = 0; j < 2; j++) {
                double mean = sums[k][j] / counts[k];
                double std = Math.sqrt(squares[k][j] / counts[k] - mean * mean);
                double expectedStd = Math.exp(0.5 * LOG_VARIANCES[k * 2 + j]);
                assertEquals(MEANS[k * 2 + j], mean, 0.05, "mean of component " + k + ", dimension " + j);
                assertEquals(expectedStd, std, 0.05 * expectedStd, "spread of component " + k + ", dimension " + j);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        NDArray z = PriorChecks.codes(manager, new double[][] {{0, 0}, {-8.2, 1.5}, {5, -1}, {1.3, 0.4}});
        for (String name : List.of(MixtureOfGaussiansPrior.MEANS, MixtureOfGaussiansPrior.LOG_VARIANCES,
                MixtureOfGaussiansPrior.LOGITS)) {
            PriorChecks.assertGradientMatchesFiniteDifferences(parameter(name),
                    store -> prior.logProb(store, z, true), manager);
        }
    }

    @Test
    void refusesComponentsThatCouldNeverSeparate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MixtureOfGaussiansPrior(2, 4, 0, manager, new Random(3)));
        assertEquals(true, e.getMessage().contains("never separate"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new MixtureOfGaussiansPrior(2, 0, 1, manager, new Random(3)));
    }
}
