package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.preprocess.Preprocessor;
import org.vae4j.preprocess.TableSummary;

/** Data-parallel training's building blocks: merged summaries, averaged states, pure shard steps. */
class ShardTrainerTest {

    private static Table data(int rows, long seed) {
        Schema schema = Schema.of(List.of(Column.numeric("a"), Column.numeric("b"), Column.numeric("c"),
                Column.categorical("d", List.of("x", "y"))));
        Random random = new Random(seed);
        Table.Builder builder = Table.builder(schema);
        for (int i = 0; i < rows; i++) {
            double z = random.nextGaussian();
            builder.addRow(new double[] {3 + 2 * z, -z + 0.1 * random.nextGaussian(), z * 0.5 + 0.1 * random.nextGaussian(),
                z > 0 ? 1 : 0});
        }
        return builder.build();
    }

    private static VaeConfig config() {
        return VaeConfig.builder().latentDim(2).hidden(List.of(16)).batchSize(32).seed(5).build();
    }

    @Test
    void summariesOfPartsMergeIntoTheSummaryOfTheWhole() {
        Table table = data(300, 1);
        int[] firstHalf = new int[120];
        int[] secondHalf = new int[180];
        for (int i = 0; i < 300; i++) {
            if (i < 120) {
                firstHalf[i] = i;
            } else {
                secondHalf[i - 120] = i;
            }
        }
        TableSummary merged = TableSummary.of(table.select(firstHalf)).merge(TableSummary.of(table.select(secondHalf)));
        Preprocessor whole = Preprocessor.fit(table, NumericLikelihood.GAUSSIAN, true);
        Preprocessor parts = merged.preprocessor(table.schema(), NumericLikelihood.GAUSSIAN, true);
        assertArrayEquals(whole.means(), parts.means(), 1e-12);
        assertArrayEquals(whole.scales(), parts.scales(), 1e-12);
        assertEquals(300, merged.rows());
        assertEquals(1.0, merged.maximum(3));
        assertEquals(0.0, merged.minimum(3));
        assertThrows(IllegalArgumentException.class, () -> TableSummary.empty(table.schema())
                .preprocessor(table.schema(), NumericLikelihood.GAUSSIAN, true));
    }

    @Test
    void averagingIdenticalStatesIsTheIdentityAndTwoStatesGiveTheirMean() {
        TrainingState a = new TrainingState(List.of("w", "b"), new float[][] {{1, 2, 3}, {4}},
                new float[][] {{0.5f, 0, 1}, {2}}, new float[][] {{1, 1, 1}, {3}}, 7);
        TrainingState b = new TrainingState(List.of("w", "b"), new float[][] {{3, -2, 4}, {0}},
                new float[][] {{1.5f, 2, 0}, {0}}, new float[][] {{3, 0, 2}, {1}}, 7);
        assertEquals(a, TrainingState.mean(List.of(a, a, a)));
        TrainingState mean = TrainingState.mean(List.of(a, b));
        assertArrayEquals(new float[] {2, 0, 3.5f}, mean.values()[0]);
        assertArrayEquals(new float[] {2}, mean.values()[1]);
        assertArrayEquals(new float[] {1, 1, 0.5f}, mean.firstMoments()[0]);
        assertArrayEquals(new float[] {2, 0.5f, 1.5f}, mean.secondMoments()[0]);
        assertEquals(7, mean.optimizerSteps());
        TrainingState later = new TrainingState(List.of("w", "b"), a.values(), a.firstMoments(), a.secondMoments(), 8);
        assertThrows(IllegalArgumentException.class, () -> TrainingState.mean(List.of(a, later)));
    }

    @Test
    void stepsArePureFunctionsOfStateShardAndSeedAndTheyLearn() {
        Table table = data(400, 2);
        VaeConfig config = config();
        ShardTrainer trainer = new ShardTrainer(config, Preprocessor.fit(table, config.numericLikelihood(), true), false,
                table.rows());
        TrainingState start = trainer.initialState();
        assertEquals(start, trainer.initialState());
        ShardTrainer.Result once = trainer.steps(start, table, 0, 5, config.batchSize(), 11);
        ShardTrainer.Result again = trainer.steps(start, table, 0, 5, config.batchSize(), 11);
        assertEquals(once.state(), again.state());
        assertEquals(once.lossSum(), again.lossSum());
        assertEquals(5, once.state().optimizerSteps());
        assertNotEquals(once.state(), trainer.steps(start, table, 0, 5, config.batchSize(), 12).state());

        TrainingState state = start;
        for (int round = 0; round < 20; round++) {
            state = trainer.steps(state, table, round * 13L, 13, config.batchSize(), 11).state();
        }
        try (Vae before = trainer.model(start, new double[0], TrainingHistory.empty());
                Vae after = trainer.model(state, new double[0], TrainingHistory.empty())) {
            double elboBefore = mean(before.elbo(table, 3));
            double elboAfter = mean(after.elbo(table, 3));
            assertTrue(elboAfter > elboBefore + 0.5, "ELBO " + elboBefore + " -> " + elboAfter);
        }
    }

    @Test
    void aRangeOfGeneratedRowsIsThatSliceOfTheWholeRun() {
        Table table = data(200, 3);
        try (Vae vae = new VaeTrainer(config().toBuilder().epochs(1).build()).fit(table)) {
            Table all = vae.generate(10, 99);
            Iterator<Table> range = vae.generateRange(6, 4, 99, 3);
            int row = 6;
            while (range.hasNext()) {
                Table chunk = range.next();
                for (int r = 0; r < chunk.rows(); r++, row++) {
                    // Decoded in other batches: equal to float rounding.
                    assertArrayEquals(all.row(row), chunk.row(r), 1e-5, "row " + row);
                }
            }
            assertEquals(10, row);
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
