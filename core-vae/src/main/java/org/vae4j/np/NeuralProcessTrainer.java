package org.vae4j.np;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.Engines;
import org.vae4j.infer.Adam;
import org.vae4j.infer.NoiseSource;
import org.vae4j.vae.TrainingDivergedException;

/**
 * Trains a neural process's networks: each step draws a batch of tasks, back-propagates the loss (minus the
 * objective per target point) and lets Adam update every parameter. Every array a step creates lives in an
 * {@link NDScope} that closes with it. Tasks, initial weights and latent draws come from generators seeded
 * from the seed option, so the same seed gives the same model on the CPU.
 */
final class NeuralProcessTrainer {

    private NeuralProcessTrainer() {}

    /**
     * Runs {@code steps} training steps on {@code network}.
     *
     * @return the loss of every step
     * @throws TrainingDivergedException if a loss is not finite
     */
    static float[] train(NeuralProcessNetwork network, NDManager manager, TaskSource tasks, int steps,
            int batchSize, double learningRate, long seed) {
        Adam adam = new Adam(network.parameters(), learningRate);
        SplittableRandom taskRandom = new SplittableRandom(seed);
        NoiseSource noise = new NoiseSource(new SplittableRandom(seed).split().nextLong());
        ParameterStore store = new ParameterStore(manager, false);
        float[] losses = new float[steps];
        for (int step = 0; step < steps; step++) {
            TaskBatch batch = tasks.next(batchSize, taskRandom);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NeuralProcessNetwork.Arrays data = NeuralProcessNetwork.Arrays.of(manager, batch);
                NDArray loss;
                try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                    loss = network.objective(store, data, noise, true).loss();
                    collector.backward(loss);
                }
                adam.step();
                losses[step] = loss.getFloat();
            }
            if (!Float.isFinite(losses[step])) {
                throw new TrainingDivergedException(1, step + 1, losses[step], learningRate);
            }
        }
        return losses;
    }
}
