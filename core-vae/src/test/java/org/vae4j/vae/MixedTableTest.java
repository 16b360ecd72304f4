package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * A mixed table (numeric, binary, categorical) with missing cells trains, encodes, reconstructs and
 * generates valid rows; missing cells are skipped by the likelihood, not imputed.
 */
class MixedTableTest {

    private static final Schema SCHEMA = Schema.of(List.of(Column.numeric("income"),
            Column.categorical("colour", List.of("red", "green", "blue")), Column.binary("member", "no", "yes"),
            Column.numeric("age")));
    private static Table table;
    private static Vae vae;

    @BeforeAll
    static void train() {
        Random random = new Random(8);
        Table.Builder builder = Table.builder(SCHEMA, 1500);
        for (int i = 0; i < 1500; i++) {
            int colour = random.nextInt(3);
            double income = 1000 * colour + 200 * random.nextGaussian() + 3000;
            double member = colour == 2 ? 1 : random.nextDouble() < 0.2 ? 1 : 0;
            double age = 40 + 10 * random.nextGaussian();
            double[] row = {income, colour, member, age};
            for (int c = 0; c < row.length; c++) {
                if (random.nextDouble() < 0.2) {
                    row[c] = Double.NaN;
                }
            }
            builder.addRow(row);
        }
        table = builder.build();
        VaeConfig config = VaeConfig.builder().latentDim(3).hidden(List.of(32)).epochs(20).batchSize(64)
                .learningRate(3e-3).seed(12).build();
        vae = new VaeTrainer(config).fit(table);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    @Test
    void encodingsAreFiniteForRowsWithMissingCells() {
        assertTrue(table.hasMissing());
        Posterior posterior = vae.encode(table);
        for (int r = 0; r < posterior.rows(); r++) {
            for (int j = 0; j < 3; j++) {
                assertTrue(Double.isFinite(posterior.mean()[r][j]) && posterior.std()[r][j] > 0, "row " + r);
            }
        }
    }

    @Test
    void rowsGeneratedInChunksAreTheRowsGeneratedAtOnce() {
        Table whole = vae.generate(50, 3);
        Iterator<Table> chunks = vae.generateInChunks(50, 3, 7);
        int r = 0;
        while (chunks.hasNext()) {
            Table chunk = chunks.next();
            assertTrue(chunk.rows() <= 7);
            for (int i = 0; i < chunk.rows(); i++, r++) {
                for (int c = 0; c < SCHEMA.width(); c++) {
                    assertEquals(whole.value(r, c), chunk.value(i, c), "row " + r + ", column " + c);
                }
            }
        }
        assertEquals(50, r);
    }

    @Test
    void generatedAndReconstructedRowsHaveValidValuesAndNoMissingCells() {
        Table generated = vae.generate(500, 3);
        Table reconstructed = vae.reconstruct(table);
        for (Table t : List.of(generated, reconstructed)) {
            assertFalse(t.hasMissing());
            for (int r = 0; r < t.rows(); r++) {
                double colour = t.value(r, 1);
                assertTrue(colour == 0 || colour == 1 || colour == 2);
                double member = t.value(r, 2);
                assertTrue(member == 0 || member == 1);
                assertTrue(Double.isFinite(t.value(r, 0)) && Double.isFinite(t.value(r, 3)));
            }
        }
        double income = 0;
        for (int r = 0; r < generated.rows(); r++) {
            income += generated.value(r, 0);
        }
        assertEquals(4000, income / generated.rows(), 400, "generated income is in the data's units");
    }

    @Test
    void theLearnedDependenceIsUsedToFillMissingCells() {
        // blue rows are always members; a blue row with the membership missing is reconstructed as one.
        Table.Builder builder = Table.builder(SCHEMA);
        builder.addRow(new double[] {5000, 2, Double.NaN, 40});
        Table reconstructed = vae.reconstruct(builder.build());
        assertEquals(1, reconstructed.value(0, 2));
    }

    @Test
    void missingCellsDoNotEnterTheLikelihood() {
        Table.Builder missing = Table.builder(SCHEMA);
        missing.addRow(new double[] {3500, 1, Double.NaN, 35});
        Table.Builder observed = Table.builder(SCHEMA);
        observed.addRow(new double[] {3500, 1, 0, 35});
        double withCell = vae.logLikelihood(observed.build(), 50, 5)[0];
        double withoutCell = vae.logLikelihood(missing.build(), 50, 5)[0];
        assertTrue(withoutCell > withCell, "dropping an observed cell raises the log-likelihood of the rest");
    }
}
