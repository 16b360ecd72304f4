package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Table;
import org.vae4j.preprocess.Preprocessor;

/**
 * The {@code unbiased} objective through the trainer, on probabilistic PCA data: every epoch's report carries the
 * chains' meeting times, the same seed trains the same model, and settings it cannot train are refused with the
 * option named.
 */
class MaximumLikelihoodTrainingTest {

    private static final String OBJECTIVE = "unbiased:particles=8,k=1,m=3,maxMeeting=40,guideBound=elbo";

    private static VaeConfig config(String objective) {
        return LinearGaussianTest.linearConfig().epochs(2).learningRate(0.01).objective(objective).build();
    }

    @Test
    void epochReportsCarryTheMeetingTimesAndTheSameSeedTrainsTheSameModel() {
        Table table = LinearGaussianTest.sample(200, new Random(4));
        try (Vae first = new VaeTrainer(config(OBJECTIVE)).fit(table);
                Vae second = new VaeTrainer(config(OBJECTIVE)).fit(table)) {
            List<EpochReport> epochs = first.history().epochs();
            assertEquals(2, epochs.size());
            for (EpochReport e : epochs) {
                Map<String, Double> s = e.statistics();
                System.out.println("epoch " + e.epoch() + " loss " + e.trainLoss() + " " + s);
                assertEquals(List.of("meeting_time_mean", "meeting_time_max", "capped_fraction"), List.copyOf(s.keySet()));
                assertTrue(s.get("meeting_time_mean") >= 2 && s.get("meeting_time_max") <= 40, s.toString());
                assertTrue(s.get("capped_fraction") >= 0 && s.get("capped_fraction") < 0.05, s.toString());
                assertTrue(Double.isFinite(e.trainLoss()));
            }
            assertEquals(epochs.get(1).statistics(), second.history().epochs().get(1).statistics());
            for (int i = 0; i < first.parameters().size(); i++) {
                assertArrayEquals(first.parameters().get(i).getArray().toFloatArray(),
                        second.parameters().get(i).getArray().toFloatArray(), "parameter " + i);
            }
        }
    }

    @Test
    void settingsItCannotTrainAreRefusedWithTheOptionNamed() {
        Table table = LinearGaussianTest.sample(50, new Random(4));
        InvalidOptionException order = assertThrows(InvalidOptionException.class,
                () -> new VaeTrainer(config("unbiased:k=4,m=2")).fit(table));
        assertEquals("m", order.option());
        InvalidOptionException cap = assertThrows(InvalidOptionException.class,
                () -> new VaeTrainer(config("unbiased:m=8,maxMeeting=5")).fit(table));
        assertEquals("maxMeeting", cap.option());
        VaeConfig config = config(OBJECTIVE);
        ShardTrainer shards = new ShardTrainer(config, Preprocessor.fit(table, config.numericLikelihood(), true),
                false, table.rows());
        InvalidOptionException parallel = assertThrows(InvalidOptionException.class, shards::initialState);
        assertEquals("objective", parallel.option());
        assertTrue(parallel.getMessage().contains("unbiased") && parallel.getMessage().contains("two optimizers"),
                parallel.getMessage());
    }
}
