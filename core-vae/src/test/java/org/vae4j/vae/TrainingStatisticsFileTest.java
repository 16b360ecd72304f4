package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.io.ModelFileTampering;

/**
 * The figures a training procedure measures per epoch (such as the coupled chains' meeting times) are saved
 * with the model's history, so the Weka and Tribuo models, which travel as model-file bytes, keep them; a file
 * written before they were saved still loads, its epochs without figures.
 */
class TrainingStatisticsFileTest {

    private static final Table TRAIN = Table.builder(Schema.numeric("x", 2)).addRow(new double[] {1, 2})
            .addRow(new double[] {2, 1}).addRow(new double[] {3, 5}).build();

    private static TrainingHistory historyWithStatistics(TrainingHistory plain) {
        List<EpochReport> epochs = plain.epochs().stream().map(e -> {
            Map<String, Double> statistics = new LinkedHashMap<>();
            statistics.put("meeting_time_mean", 2.5 + e.epoch());
            statistics.put("capped_fraction", 0.125);
            return new EpochReport(e.epoch(), e.trainLoss(), e.validationElbo(), e.beta(), e.seconds(),
                    e.samplesPerSecond(), statistics);
        }).toList();
        return new TrainingHistory(epochs, plain.bestEpoch(), plain.stopReason());
    }

    @Test
    void epochStatisticsSurviveTheModelFileInOrder() {
        try (Vae trained = new VaeTrainer(VaeConfig.builder().epochs(2).latentDim(2).hidden(List.of(3)).build())
                .fit(TRAIN)) {
            TrainingHistory history = historyWithStatistics(trained.history());
            try (Vae loaded = Vae.fromBytes(trained.withHistory(history).toBytes())) {
                assertEquals(history, loaded.history());
                assertEquals(List.of("meeting_time_mean", "capped_fraction"),
                        List.copyOf(loaded.history().epochs().get(1).statistics().keySet()));
            }
        }
    }

    @Test
    void aFileWithoutTheStatisticsSectionLoadsWithEpochsWithoutFigures() {
        try (Vae trained = new VaeTrainer(VaeConfig.builder().epochs(2).latentDim(2).hidden(List.of(3)).build())
                .fit(TRAIN)) {
            byte[] bytes = trained.withHistory(historyWithStatistics(trained.history())).toBytes();
            renameSection(bytes, "statistics", "statisticz"); // to this reader, a section it does not know
            try (Vae loaded = Vae.fromBytes(ModelFileTampering.resign(bytes))) {
                assertEquals(trained.history(), loaded.history());
                assertTrue(loaded.history().epochs().stream().allMatch(e -> e.statistics().isEmpty()));
                assertArrayEquals(trained.encodeMeans(TRAIN), loaded.encodeMeans(TRAIN));
            }
        }
    }

    private static void renameSection(byte[] file, String name, String newName) {
        byte[] from = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(newName.getBytes(StandardCharsets.US_ASCII), 0, file, i, from.length);
                return;
            }
        }
        throw new AssertionError("no section " + name);
    }
}
