package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.infer.TrainingContext;
import org.vae4j.infer.TrainingStep;
import org.vae4j.io.ModelContents;
import org.vae4j.io.ModelFile;
import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;

/**
 * A checkpoint keeps FactorVAE's discriminator and the optimizers' state beside the model, and training resumes
 * from it; a model saved for inference keeps neither and still loads; a checkpoint that is truncated, tampered
 * with or of another run is refused with the file and the reason named.
 */
class CheckpointTest {

    private static final String OBJECTIVE = "factorvae:gamma=10,width=16,depth=2";
    private static final int ROWS = 80;
    private static final int STEPS_PER_EPOCH = 2;

    @TempDir
    Path dir;

    private static Table data() {
        Random random = new Random(8);
        Table.Builder builder = Table.builder(Schema.numeric("x", 4));
        for (int i = 0; i < ROWS; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            builder.addRow(new double[] {a, 2 * a + 0.1 * random.nextGaussian(), b, a - b});
        }
        return builder.build();
    }

    private static VaeConfig config(int epochs, String objective) {
        return VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(epochs).batchSize(ROWS / STEPS_PER_EPOCH)
                .learningRate(0.01).seed(3).objective(objective).build();
    }

    private Path checkpointAfterTwoEpochs() {
        Path file = dir.resolve("run.ckpt");
        new VaeTrainer(config(2, OBJECTIVE)).checkpoint(file).fit(data()).close();
        return file;
    }

    private static NamedTensor tensor(List<NamedTensor> tensors, String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tensor " + name + " in " + tensors.stream()
                        .map(NamedTensor::name).toList()));
    }

    @Test
    void aCheckpointRoundTripRestoresTheDiscriminatorAndOptimizersExactly() throws IOException {
        ModelContents contents = ModelFile.read(checkpointAfterTwoEpochs());
        List<NamedTensor> saved = contents.trainingTensors();
        tensor(saved, "discriminator.layer0.weight");
        tensor(saved, "optimizer.discriminator.m.discriminator.layer2.bias");
        tensor(saved, "optimizer.vae.v.encoder.layer0.weight");
        assertArrayEquals(new float[] {0, 2 * STEPS_PER_EPOCH}, tensor(saved, "optimizer.vae.steps").values());
        assertArrayEquals(new float[] {0, 2 * STEPS_PER_EPOCH},
                tensor(saved, "optimizer.discriminator.steps").values());

        // A fresh step of the same run, restored from the file, holds exactly the file's training state.
        try (Vae vae = Vae.fromContents(contents); NDManager memory = vae.manager().newSubManager()) {
            TrainingContext context = new TrainingContext(vae.guide(), vae.model(),
                    new ParameterStore(memory, false), memory, new Random(99), ROWS);
            try (TrainingStep step = VaeTrainer.procedure(vae.config()).start(context)) {
                List<NamedTensor> fresh = TrainingCheckpoint.of(step, vae.namedParameters());
                assertEquals(saved.stream().map(NamedTensor::name).toList(),
                        fresh.stream().map(NamedTensor::name).toList());
                assertFalse(Arrays.equals(tensor(saved, "discriminator.layer0.weight").values(),
                        tensor(fresh, "discriminator.layer0.weight").values()), "a fresh discriminator differs");
                TrainingCheckpoint.restore(step, vae.namedParameters(), saved);
                List<NamedTensor> restored = TrainingCheckpoint.of(step, vae.namedParameters());
                for (int i = 0; i < saved.size(); i++) {
                    assertArrayEquals(saved.get(i).values(), restored.get(i).values(), saved.get(i).name());
                }
            }
        }
    }

    @Test
    void trainingResumesFromACheckpointWithItsDiscriminatorAndOptimizers() throws IOException {
        Path first = checkpointAfterTwoEpochs();
        Path second = dir.resolve("resumed.ckpt");
        try (Vae resumed = new VaeTrainer(config(3, OBJECTIVE)).checkpoint(second).resume(first, data())) {
            List<EpochReport> epochs = resumed.history().epochs();
            assertEquals(3, epochs.size());
            assertEquals(ModelFile.read(first).history().epochs(), epochs.subList(0, 2), "the first epochs are kept");
            assertEquals(3, epochs.get(2).epoch());
            assertEquals(3, resumed.config().epochs());
        }
        List<NamedTensor> after = ModelFile.read(second).trainingTensors();
        // Each optimizer counts on from the checkpoint's steps: a fresh one would have taken one epoch's.
        assertArrayEquals(new float[] {0, 3 * STEPS_PER_EPOCH}, tensor(after, "optimizer.vae.steps").values());
        assertArrayEquals(new float[] {0, 3 * STEPS_PER_EPOCH},
                tensor(after, "optimizer.discriminator.steps").values());
    }

    @Test
    void aModelSavedForInferenceHoldsNoTrainingStateLoadsAndCannotBeResumed() throws IOException {
        Path checkpoint = checkpointAfterTwoEpochs();
        Path model = dir.resolve("model.vae");
        try (Vae fromCheckpoint = Vae.load(checkpoint)) {
            fromCheckpoint.save(model);
            ModelContents plain = ModelFile.read(model);
            assertTrue(plain.trainingTensors().isEmpty(), plain.trainingTensors().toString());
            assertTrue(plain.parameters().stream().noneMatch(t -> t.name().startsWith("discriminator")));
            try (Vae loaded = Vae.load(model)) {
                assertArrayEquals(fromCheckpoint.encodeMeans(data())[7], loaded.encodeMeans(data())[7]);
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new VaeTrainer(config(3, OBJECTIVE)).resume(model, data()));
        assertTrue(e.getMessage().contains(model.toString()) && e.getMessage().contains("saved for inference"),
                e.getMessage());
    }

    @Test
    void aTruncatedCheckpointIsRefusedNamingTheFile() throws IOException {
        Path checkpoint = checkpointAfterTwoEpochs();
        byte[] bytes = Files.readAllBytes(checkpoint);
        Path truncated = dir.resolve("truncated.ckpt");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new VaeTrainer(config(3, OBJECTIVE)).resume(truncated, data()));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
    }

    @Test
    void aCheckpointWithMissingOrForgedTrainingStateIsRefusedNamingTheTensor() throws IOException {
        ModelContents contents = ModelFile.read(checkpointAfterTwoEpochs());
        List<NamedTensor> withoutLayer = new ArrayList<>(contents.trainingTensors());
        withoutLayer.removeIf(t -> t.name().equals("discriminator.layer1.weight"));
        assertRefused(contents, withoutLayer, "discriminator.layer1.weight");

        List<NamedTensor> forgedSteps = new ArrayList<>(contents.trainingTensors());
        forgedSteps.replaceAll(t -> t.name().equals("optimizer.discriminator.steps")
                ? new NamedTensor(t.name(), t.shape(), new float[] {0, 2.5f}) : t);
        assertRefused(contents, forgedSteps, "optimizer.discriminator.steps");
    }

    private void assertRefused(ModelContents contents, List<NamedTensor> training, String named) throws IOException {
        Path forged = dir.resolve("forged.ckpt");
        ModelFile.write(forged, new ModelContents(contents.config(), contents.components(), contents.schema(),
                contents.numericLikelihood(), contents.means(), contents.scales(), contents.columnModels(),
                contents.maskInputs(), contents.conditionFrequencies(), contents.history(), contents.parameters(),
                training));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new VaeTrainer(config(3, OBJECTIVE)).resume(forged, data()));
        assertTrue(e.getMessage().contains(forged.toString()) && e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void resumingWithAnotherConfigurationIsRefusedNamingTheOption() {
        Path checkpoint = checkpointAfterTwoEpochs();
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> new VaeTrainer(config(3, "factorvae:gamma=20,width=16,depth=2")).resume(checkpoint, data()));
        assertEquals("objective", e.option(), e.getMessage());
        assertTrue(e.getMessage().contains(checkpoint.toString()), e.getMessage());
    }
}
