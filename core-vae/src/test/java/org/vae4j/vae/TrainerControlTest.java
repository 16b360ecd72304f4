package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/** Progress reports, cancellation, early stopping and divergence. */
class TrainerControlTest {

    private static Table data(int n) {
        Random random = new Random(4);
        Table.Builder builder = Table.builder(Schema.numeric("x", 3));
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            builder.addRow(new double[] {z, 2 * z + 0.1 * random.nextGaussian(), random.nextGaussian()});
        }
        return builder.build();
    }

    @Test
    void listenerSeesEveryStepAndEpochAndCanStopKeepingAUsableModel() {
        List<StepReport> steps = new ArrayList<>();
        List<EpochReport> epochs = new ArrayList<>();
        TrainingListener stopAfterTwo = new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                steps.add(report);
            }

            @Override
            public void onEpoch(EpochReport report) {
                epochs.add(report);
            }

            @Override
            public boolean stopRequested() {
                return epochs.size() == 2;
            }
        };
        VaeConfig config = VaeConfig.builder().latentDim(1).epochs(50).batchSize(50).build();
        try (Vae vae = new VaeTrainer(config).listener(stopAfterTwo).fit(data(200))) {
            assertEquals(TrainingHistory.StopReason.CANCELLED, vae.history().stopReason());
            assertEquals(2, vae.history().epochs().size());
            assertEquals(8, steps.size(), "4 steps per epoch of 200 rows in batches of 50");
            assertEquals(4, steps.get(3).stepsPerEpoch());
            assertTrue(epochs.get(1).trainLoss() < epochs.get(0).trainLoss() + 1, "losses are reported");
            assertTrue(steps.get(0).samplesPerSecond() > 0);
            assertEquals(200, vae.encode(data(200)).rows());
        }
    }

    @Test
    void trainsAndLoadsOnAThreadOtherThanTheOneThatStartedTheEngine() throws Exception {
        VaeConfig config = VaeConfig.builder().latentDim(1).epochs(2).batchSize(50).validationFraction(0.2).build();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (Vae vae = new VaeTrainer(config).fit(data(200)); Vae copy = Vae.fromBytes(vae.toBytes())) {
                assertEquals(200, copy.encode(data(200)).rows());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        worker.join();
        if (failure.get() != null) {
            throw new AssertionError("training on a worker thread failed", failure.get());
        }
    }

    @Test
    void interruptingTheTrainingThreadStopsBetweenSteps() {
        VaeConfig config = VaeConfig.builder().latentDim(1).epochs(50).batchSize(50).build();
        Thread.currentThread().interrupt();
        try (Vae vae = new VaeTrainer(config).fit(data(200))) {
            assertEquals(TrainingHistory.StopReason.CANCELLED, vae.history().stopReason());
            assertTrue(vae.history().epochs().isEmpty());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
        }
    }

    @Test
    void earlyStoppingKeepsTheBestValidationEpoch() {
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(64)).epochs(200).batchSize(10)
                .learningRate(0.02).validationFraction(0.5).patience(3).build();
        try (Vae vae = new VaeTrainer(config).fit(data(60))) {
            TrainingHistory history = vae.history();
            assertEquals(TrainingHistory.StopReason.EARLY_STOPPED, history.stopReason());
            assertEquals(history.bestEpoch() + 3, history.epochs().size());
            double best = history.epochs().get(history.bestEpoch() - 1).validationElbo();
            for (EpochReport e : history.epochs()) {
                assertTrue(e.validationElbo() <= best);
            }
        }
    }

    @Test
    void aNonFiniteLossStopsTrainingWithAClearError() {
        VaeConfig config = VaeConfig.builder().latentDim(1).epochs(20).batchSize(20).learningRate(1e12)
                .standardize(false).build();
        Table huge = Table.builder(Schema.numeric("x", 1)).addRow(new double[] {3e38}).addRow(new double[] {-3e38})
                .build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new VaeTrainer(config).fit(huge));
        assertTrue(e.getMessage().contains("epoch 1, step 1") && e.getMessage().contains("learning rate"),
                e.getMessage());
    }
}
