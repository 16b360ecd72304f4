package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * Generated rows obey the constraints the training data shows: numeric cells stay within the training range,
 * integer-valued columns stay integers, a level never seen in training is never generated, and a column
 * entirely missing in training is generated missing. The columns imitate real ones: a skewed, strictly
 * positive amount (credit-g's credit_amount), a small count (credit-g's existing_credits), a content with a
 * spike at zero (glass's magnesium).
 */
class GenerationConstraintsTest {

    private static final int AMOUNT = 0;
    private static final int COUNT = 1;
    private static final int MAGNESIUM = 2;
    private static final int UNRECORDED = 3;
    private static final int COLOUR = 4;
    private static final Schema SCHEMA = Schema.of(List.of(Column.numeric("amount"), Column.numeric("count"),
            Column.numeric("magnesium"), Column.numeric("unrecorded"),
            Column.categorical("colour", List.of("red", "green", "blue"))));
    private static Table training;
    private static Vae vae;
    private static Table generated;

    @BeforeAll
    static void trainAndGenerate() {
        training = imitationOfRealColumns(new Random(3), 600);
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(4).batchSize(64)
                .learningRate(3e-3).seed(5).build();
        vae = new VaeTrainer(config).fit(training);
        generated = vae.generate(2000, 9);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    /** Rows whose every column but the unrecorded one is observed, and the colour is never blue. */
    static Table imitationOfRealColumns(Random random, int rows) {
        Table.Builder builder = Table.builder(SCHEMA, rows);
        for (int i = 0; i < rows; i++) {
            double amount = Math.exp(7.8 + 0.75 * random.nextGaussian());
            double count = 1 + (random.nextDouble() < 0.6 ? 0 : random.nextInt(3));
            double magnesium = random.nextDouble() < 0.25 ? 0 : Math.max(0.3, 3.5 + 0.4 * random.nextGaussian());
            builder.addRow(new double[] {amount, count, magnesium, Double.NaN, random.nextInt(2)});
        }
        return builder.build();
    }

    @Test
    void numericCellsStayWithinTheTrainingRange() {
        for (int c : new int[] {AMOUNT, COUNT, MAGNESIUM}) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < training.rows(); r++) {
                min = Math.min(min, training.value(r, c));
                max = Math.max(max, training.value(r, c));
            }
            int outside = 0;
            for (int r = 0; r < generated.rows(); r++) {
                float v = generated.value(r, c);
                if (v < min || v > max) {
                    outside++;
                }
            }
            assertEquals(0, outside, SCHEMA.column(c).name() + ": generated cells outside the training range ["
                    + min + ", " + max + "]");
        }
    }

    @Test
    void integerColumnsStayIntegers() {
        int fractional = 0;
        for (int r = 0; r < generated.rows(); r++) {
            float v = generated.value(r, COUNT);
            if (v != Math.rint(v)) {
                fractional++;
            }
        }
        assertEquals(0, fractional, "fractional cells in the integer column 'count'");
    }

    @Test
    void aColumnMissingInTrainingIsGeneratedMissing() {
        int invented = 0;
        for (int r = 0; r < generated.rows(); r++) {
            if (!generated.isMissing(r, UNRECORDED)) {
                invented++;
            }
        }
        assertEquals(0, invented, "values invented for a column with no observed value");
    }

    @Test
    void aLevelNeverSeenInTrainingIsNeverGenerated() {
        int blue = 0;
        for (int r = 0; r < generated.rows(); r++) {
            if (generated.value(r, COLOUR) == 2) {
                blue++;
            }
        }
        assertEquals(0, blue, "rows generated with the level 'blue' that no training row has");
    }

    @Test
    void aSavedModelKeepsItsColumnModels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("constrained.vae4j");
        vae.save(file);
        try (Vae loaded = Vae.load(file)) {
            assertEquals(vae.preprocessor().columnModels(), loaded.preprocessor().columnModels());
            Table again = loaded.generate(50, 9);
            Table first = vae.generate(50, 9);
            for (int r = 0; r < 50; r++) {
                assertArrayEquals(first.row(r), again.row(r), "row " + (r + 1));
            }
        }
    }

    @Test
    void observedCellsAreNeverGeneratedMissing() {
        for (int r = 0; r < generated.rows(); r++) {
            for (int c : new int[] {AMOUNT, COUNT, MAGNESIUM, COLOUR}) {
                assertTrue(!generated.isMissing(r, c), "row " + (r + 1) + ", column " + c);
            }
        }
    }
}
