package org.vae4j.np;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vae4j.engine.Engines;
import org.vae4j.infer.NoiseSource;
import org.vae4j.np.gp.GaussianProcessTasks;

/**
 * The training objective of every neural process: its KL term against a computation in plain Java, and its
 * back-propagated gradients against central finite differences with the same noise.
 */
class NeuralProcessObjectiveTest {

    private final NDManager manager = Engines.pytorch().newBaseManager(Device.cpu());
    private final TaskBatch batch = GaussianProcessTasks.randomKernel().next(3, new SplittableRandom(2));

    @AfterEach
    void close() {
        manager.close();
    }

    private NeuralProcessNetwork network(NeuralProcessKind kind) {
        return NeuralProcessNetwork.create(new NeuralProcessNetwork.Architecture(kind, 1, 1, 4, 3, List.of(5)),
                manager, new Random(7));
    }

    private ParameterStore store() {
        return new ParameterStore(manager, false);
    }

    @Test
    void klTermIsTheKlOfTheTargetsLatentFromTheContextsOnes() {
        NeuralProcessNetwork network = network(NeuralProcessKind.NP);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NeuralProcessNetwork.Arrays data = NeuralProcessNetwork.Arrays.of(manager, batch);
            float[] kl = network.objective(store(), data, new NoiseSource(3), false).kl().toFloatArray();
            NeuralProcessNetwork.Gaussian q = network.latent(store(), data.xTarget(), data.yTarget(), false);
            NeuralProcessNetwork.Gaussian p = network.latent(store(), data.xContext(), data.yContext(), false);
            float[] qm = q.mean().toFloatArray();
            float[] qs = q.sigma().toFloatArray();
            float[] pm = p.mean().toFloatArray();
            float[] ps = p.sigma().toFloatArray();
            assertEquals(batch.tasks(), kl.length);
            Random random = new Random(5);
            for (int t = 0; t < batch.tasks(); t++) {
                // Monte Carlo: KL(q || p) = E_q[log q(z) - log p(z)], from 200,000 draws of z in plain Java.
                int draws = 200_000;
                double sum = 0;
                double squares = 0;
                for (int n = 0; n < draws; n++) {
                    double logRatio = 0;
                    for (int j = 0; j < 3; j++) {
                        int i = t * 3 + j;
                        double z = qm[i] + qs[i] * random.nextGaussian();
                        logRatio += logNormal(z, qm[i], qs[i]) - logNormal(z, pm[i], ps[i]);
                    }
                    sum += logRatio;
                    squares += logRatio * logRatio;
                }
                double estimate = sum / draws;
                double standardError = Math.sqrt((squares / draws - estimate * estimate) / draws);
                assertEquals(estimate, kl[t], 4 * standardError + 1e-4, "task " + t);
            }
            assertTrue(kl[0] > 1e-4, "the two sets' latents differ, so the KL must be positive: " + kl[0]);
        }
    }

    private static double logNormal(double z, double mean, double sd) {
        double d = (z - mean) / sd;
        return -0.5 * Math.log(2 * Math.PI) - Math.log(sd) - 0.5 * d * d;
    }

    private double loss(NeuralProcessNetwork network) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NeuralProcessNetwork.Arrays data = NeuralProcessNetwork.Arrays.of(manager, batch);
            return network.objective(store(), data, new NoiseSource(11), true).loss().getFloat();
        }
    }

    private List<float[]> gradients(NeuralProcessNetwork network, List<Parameter> parameters) {
        List<float[]> grads = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NeuralProcessNetwork.Arrays data = NeuralProcessNetwork.Arrays.of(manager, batch);
            try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                collector.backward(network.objective(store(), data, new NoiseSource(11), true).loss());
            }
            for (Parameter p : parameters) {
                NDArray g = p.getArray().getGradient();
                grads.add(g.toFloatArray());
                g.subi(g);
            }
        }
        return grads;
    }

    @ParameterizedTest
    @EnumSource(NeuralProcessKind.class)
    void backPropagatedGradientsMatchFiniteDifferences(NeuralProcessKind kind) {
        NeuralProcessNetwork network = network(kind);
        List<Parameter> parameters = network.parameters();
        List<float[]> analytic = gradients(network, parameters);
        double h = 1e-2;
        int checked = 0;
        for (int p = 0; p < parameters.size(); p++) {
            NDArray array = parameters.get(p).getArray();
            float[] values = array.toFloatArray();
            int step = Math.max(1, values.length / 3);
            for (int i = 0; i < values.length; i += step) {
                float original = values[i];
                values[i] = (float) (original + h);
                array.set(FloatBuffer.wrap(values));
                double up = loss(network);
                values[i] = (float) (original - h);
                array.set(FloatBuffer.wrap(values));
                double down = loss(network);
                values[i] = original;
                array.set(FloatBuffer.wrap(values));
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, analytic.get(p)[i], 2e-3 + 2e-2 * Math.abs(numeric),
                        kind + ": " + network.named().keySet().toArray()[p] + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked >= 2 * parameters.size(), "checked " + checked);
    }
}
