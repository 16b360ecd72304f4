package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.dist.DiagonalNormal;
import org.vae4j.engine.Engines;
import org.vae4j.nn.Mlp;
import org.vae4j.nn.WeightInit;

/**
 * The VampPrior against the mixture of the guide's posteriors at its pseudo-inputs, computed here: with a
 * linear guide entirely in plain Java, with a perceptron through the guide itself on a batch built here
 * (clipped pseudo-inputs, full mask, condition k mod C). Also its sampler's statistics, its gradients with
 * respect to the pseudo-inputs and the shared network, and that it owns no parameter of the guide.
 */
class VampPriorTest {

    private static final int DATA = 3;
    private static final int CONDITIONS = 2;
    private static final int LATENT = 2;
    private static final int PSEUDO = 5;

    private NDManager manager;
    private final Random random = new Random(17);

    @BeforeEach
    void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** A guide reading rows, their mask and their condition. */
    private GaussianGuide guide(List<Integer> hidden, int dataWidth, int conditionWidth, boolean maskInputs,
            int latent) {
        Block network = Mlp.of(hidden, 2 * latent);
        GaussianGuide guide = new GaussianGuide(network, latent, maskInputs);
        network.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        network.initialize(manager, DataType.FLOAT32, new Shape(1, guide.inputWidth(dataWidth, conditionWidth)));
        WeightInit.TORCH_UNIFORM.apply(network, random);
        return guide;
    }

    /** The guide's input for each pseudo-input, as the VampPrior must build it: hardtanh(u), ones, one-hot. */
    private static float[][] pseudoRows(float[] u) {
        float[][] rows = new float[PSEUDO][2 * DATA + CONDITIONS];
        for (int k = 0; k < PSEUDO; k++) {
            for (int d = 0; d < DATA; d++) {
                rows[k][d] = Math.min(1, Math.max(0, u[k * DATA + d]));
                rows[k][DATA + d] = 1;
            }
            rows[k][2 * DATA + k % CONDITIONS] = 1;
        }
        return rows;
    }

    private static double[] uniform(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        return w;
    }

    private static final double[][] CODES = {{0, 0}, {0.4, -0.3}, {-1.5, 2}, {2.5, 1}, {-0.2, -2.2}, {6, -5}};

    private void assertMixture(VampPrior prior, float[] means, float[] logVariances) {
        float[] logProb = prior.logProb(new ParameterStore(manager, false), PriorChecks.codes(manager, CODES), false)
                .toFloatArray();
        for (int r = 0; r < CODES.length; r++) {
            double expected = PriorChecks.logMixture(CODES[r], means, logVariances, uniform(PSEUDO));
            assertEquals(expected, logProb[r], 1e-4 * Math.abs(expected) + 1e-4, "log p(z) at row " + r);
        }
    }

    @Test
    void logProbWithALinearGuideIsTheMixtureComputedInJava() {
        GaussianGuide guide = guide(List.of(), DATA, CONDITIONS, true, LATENT);
        VampPrior prior = new VampPrior(guide, DATA, CONDITIONS, PSEUDO, 0.5, 0.8, true, manager, random);
        float[] u = prior.parameters().get(0).getArray().toFloatArray();
        int clipped = 0;
        for (float v : u) {
            clipped += v < 0 || v > 1 ? 1 : 0;
        }
        assertTrue(clipped >= 2, "some pseudo-inputs start outside [0, 1]: " + clipped);
        float[] weight = guide.network().getParameters().get("01Linear_weight").getArray().toFloatArray();
        float[] bias = guide.network().getParameters().get("01Linear_bias").getArray().toFloatArray();
        float[][] rows = pseudoRows(u);
        int width = rows[0].length;
        float[] means = new float[PSEUDO * LATENT];
        float[] logVariances = new float[PSEUDO * LATENT];
        for (int k = 0; k < PSEUDO; k++) {
            for (int o = 0; o < 2 * LATENT; o++) {
                double out = bias[o];
                for (int i = 0; i < width; i++) {
                    out += weight[o * width + i] * rows[k][i];
                }
                if (o < LATENT) {
                    means[k * LATENT + o] = (float) out;
                } else {
                    logVariances[k * LATENT + o - LATENT] = (float) out;
                }
            }
        }
        assertMixture(prior, means, logVariances);
    }

    @Test
    void logProbIsTheMixtureOfTheGuidesPosteriorsAtThePseudoInputs() {
        GaussianGuide guide = guide(List.of(6), DATA, CONDITIONS, true, LATENT);
        VampPrior prior = new VampPrior(guide, DATA, CONDITIONS, PSEUDO, 0.5, 0.8, true, manager, random);
        float[][] rows = pseudoRows(prior.parameters().get(0).getArray().toFloatArray());
        float[] x = new float[PSEUDO * DATA];
        float[] mask = new float[PSEUDO * DATA];
        float[] condition = new float[PSEUDO * CONDITIONS];
        for (int k = 0; k < PSEUDO; k++) {
            System.arraycopy(rows[k], 0, x, k * DATA, DATA);
            System.arraycopy(rows[k], DATA, mask, k * DATA, DATA);
            System.arraycopy(rows[k], 2 * DATA, condition, k * CONDITIONS, CONDITIONS);
        }
        Batch batch = new Batch(manager.create(x, new Shape(PSEUDO, DATA)), manager.create(mask,
                new Shape(PSEUDO, DATA)), manager.create(condition, new Shape(PSEUDO, CONDITIONS)));
        DiagonalNormal q = guide.posterior(new ParameterStore(manager, false), batch, false);
        assertMixture(prior, q.mean().toFloatArray(), q.logVariance().toFloatArray());
    }

    @Test
    void samplerDrawsEachPseudoInputsPosteriorEquallyOften() {
        // A linear guide with mean 10 u_0 and log-variance -1, and pseudo-inputs u_0 = -1, 0, 1.
        GaussianGuide guide = guide(List.of(), 2, 0, false, 1);
        guide.network().getParameters().get("01Linear_weight").getArray()
                .set(FloatBuffer.wrap(new float[] {10, 0, 0, 0}));
        guide.network().getParameters().get("01Linear_bias").getArray().set(FloatBuffer.wrap(new float[] {0, -1}));
        VampPrior prior = new VampPrior(guide, 2, 0, 3, 0, 1, false, manager, random);
        prior.parameters().get(0).getArray().set(FloatBuffer.wrap(new float[] {-1, 0.3f, 0, -0.7f, 1, 2}));
        PriorSampler sampler = prior.sampler(new ParameterStore(manager, false));
        Random draws = new Random(4);
        int n = 30000;
        int[] counts = new int[3];
        double[] sums = new double[3];
        double[] squares = new double[3];
        for (int i = 0; i < n; i++) {
            double z = sampler.draw(draws)[0];
            int k = z < -5 ? 0 : z < 5 ? 1 : 2;
            counts[k]++;
            sums[k] += z;
            squares[k] += z * z;
        }
        double std = Math.exp(-0.5);
        for (int k = 0; k < 3; k++) {
            double mean = sums[k] / counts[k];
            assertEquals(1.0 / 3, counts[k] / (double) n, 0.01, "frequency of pseudo-input " + k);
            assertEquals(10.0 * (k - 1), mean, 0.03, "mean of pseudo-input " + k + "'s posterior");
            assertEquals(std, Math.sqrt(squares[k] / counts[k] - mean * mean), 0.05 * std, "its spread");
        }
    }

    @Test
    void gradientsReachThePseudoInputsAndTheSharedNetwork() {
        GaussianGuide guide = guide(List.of(6), DATA, CONDITIONS, true, LATENT);
        VampPrior prior = new VampPrior(guide, DATA, CONDITIONS, PSEUDO, 0.5, 0.1, true, manager, random);
        NDArray z = PriorChecks.codes(manager, CODES);
        PriorChecks.assertGradientMatchesFiniteDifferences(prior.parameters().get(0),
                store -> prior.logProb(store, z, true), manager);
        PriorChecks.assertGradientMatchesFiniteDifferences(guide.network().getParameters().get("03Linear_weight"),
                store -> prior.logProb(store, z, true), manager);
    }

    @Test
    void ownsThePseudoInputsAndNothingOfTheGuide() {
        GaussianGuide guide = guide(List.of(6), DATA, CONDITIONS, true, LATENT);
        VampPrior prior = new VampPrior(guide, DATA, CONDITIONS, PSEUDO, 0.05, 0.01, true, manager, random);
        assertEquals(1, prior.parameters().size());
        Parameter pseudo = prior.parameters().get(0);
        assertEquals(VampPrior.PSEUDO_INPUTS, pseudo.getName());
        assertEquals(new Shape(PSEUDO, DATA), pseudo.getArray().getShape());
    }
}
