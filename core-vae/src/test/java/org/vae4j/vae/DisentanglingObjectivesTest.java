package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.infer.FactorVaeProcedure;
import org.vae4j.io.ModelFile;
import org.vae4j.io.NamedTensor;
import org.vae4j.preprocess.Preprocessor;

/**
 * The tcvae and factorvae objectives chosen by spec, through the trainer: a short run improves the loss, a
 * factorvae model file keeps the inference parameters only and loads, and combinations they cannot train are
 * refused with the option named.
 */
class DisentanglingObjectivesTest {

    private static Table data(int n) {
        Random random = new Random(8);
        Table.Builder builder = Table.builder(Schema.numeric("x", 4));
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            builder.addRow(new double[] {a, 2 * a + 0.1 * random.nextGaussian(), b, a - b + 0.1 * random.nextGaussian()});
        }
        return builder.build();
    }

    private static VaeConfig config(String objective) {
        return VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(20).batchSize(40).learningRate(0.02)
                .seed(3).objective(objective).build();
    }

    private static void assertImproves(String objective) {
        try (Vae vae = new VaeTrainer(config(objective)).fit(data(200))) {
            List<EpochReport> epochs = vae.history().epochs();
            double first = epochs.get(0).trainLoss();
            double last = epochs.get(epochs.size() - 1).trainLoss();
            assertTrue(last < first - 0.5,
                    objective + ": losses " + epochs.stream().map(EpochReport::trainLoss).toList());
        }
    }

    @Test
    void tcvaeTrainingImprovesItsLoss() {
        assertImproves("tcvae:beta=4,estimator=mss");
        assertImproves("tcvae:beta=6");
    }

    @Test
    void factorvaeTrainingImprovesItsLossAndItsModelFileHoldsNoDiscriminator() {
        assertImproves("factorvae:gamma=10,width=16,depth=2");
        VaeConfig brief = VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(1)
                .objective("factorvae:gamma=10,width=16,depth=2").build();
        try (Vae vae = new VaeTrainer(brief).fit(data(80))) {
            Map<String, Double> statistics = vae.history().epochs().get(0).statistics();
            assertEquals(List.of(FactorVaeProcedure.TOTAL_CORRELATION, FactorVaeProcedure.DISCRIMINATOR_LOSS),
                    List.copyOf(statistics.keySet()));
            assertTrue(Double.isFinite(statistics.get(FactorVaeProcedure.TOTAL_CORRELATION)), statistics.toString());
            double loss = statistics.get(FactorVaeProcedure.DISCRIMINATOR_LOSS);
            assertTrue(loss > 0 && loss < 2 * Math.log(2), "a cross-entropy near ln 2 at the start: " + statistics);
            byte[] bytes = vae.toBytes();
            List<String> names = ModelFile.fromBytes(bytes).parameters().stream().map(NamedTensor::name).toList();
            assertFalse(names.isEmpty());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("discriminator")), names.toString());
            try (Vae loaded = Vae.fromBytes(bytes)) {
                assertEquals("factorvae", loaded.config().objective().id());
                assertEquals(vae.encode(data(5)).rows(), loaded.encode(data(5)).rows());
            }
        }
    }

    @Test
    void tcvaeRefusesAPosteriorThatDoesNotFactorise() {
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(1).guide("planar")
                .objective("tcvae").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VaeTrainer(config).fit(data(50)));
        assertTrue(e.getMessage().contains("tcvae") && e.getMessage().contains("gaussian guide"), e.getMessage());
    }

    @Test
    void dataParallelTrainingRefusesADiscriminatorItCannotCarry() {
        Table table = data(60);
        VaeConfig config = config("factorvae:width=8,depth=1");
        ShardTrainer trainer = new ShardTrainer(config, Preprocessor.fit(table, config.numericLikelihood(), true),
                false, table.rows());
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> trainer.steps(trainer.initialState(), table, 0, 1, 20, 1));
        assertEquals("objective", e.option());
        assertTrue(e.getMessage().contains("factorvae"), e.getMessage());
    }
}
