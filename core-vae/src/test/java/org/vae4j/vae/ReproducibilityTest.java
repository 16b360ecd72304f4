package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/** Same seed, same CPU result; a saved and reloaded model encodes, decodes and scores identically. */
class ReproducibilityTest {

    private static Table data() {
        Schema schema = Schema.of(List.of(Column.numeric("a"), Column.numeric("b"),
                Column.categorical("c", List.of("x", "y")))).withCondition(Column.categorical("k", List.of("p", "q")));
        Random random = new Random(3);
        Table.Builder builder = Table.builder(schema);
        for (int i = 0; i < 400; i++) {
            int k = random.nextInt(2);
            builder.addRow(new double[] {random.nextGaussian() + k, random.nextDouble() < 0.1 ? Double.NaN
                    : random.nextGaussian(), random.nextInt(2)}, k);
        }
        return builder.build();
    }

    private static VaeConfig config(long seed) {
        return VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(4).batchSize(32).seed(seed)
                .validationFraction(0.2).patience(2).build();
    }

    @Test
    void sameSeedGivesIdenticalEncodingsAndAnotherSeedDoesNot() {
        Table table = data();
        try (Vae first = new VaeTrainer(config(9)).fit(table);
                Vae second = new VaeTrainer(config(9)).fit(table);
                Vae other = new VaeTrainer(config(10)).fit(table)) {
            double[][] a = first.encode(table).mean();
            double[][] b = second.encode(table).mean();
            for (int r = 0; r < a.length; r++) {
                assertArrayEquals(a[r], b[r], 0, "row " + r);
            }
            for (int e = 0; e < first.history().epochs().size(); e++) {
                EpochReport x = first.history().epochs().get(e);
                EpochReport y = second.history().epochs().get(e);
                assertEquals(x.trainLoss(), y.trainLoss(), 0);
                assertEquals(x.validationElbo(), y.validationElbo(), 0);
            }
            assertFalse(Arrays.equals(a[0], other.encode(table).mean()[0]));
        }
    }

    @Test
    void meansOnlyEncodingMatchesTheFullPosterior() {
        Table table = data();
        try (Vae vae = new VaeTrainer(config(7)).fit(table)) {
            Posterior posterior = vae.encode(table);
            double[][] means = vae.encodeMeans(table);
            double[][] both = posterior.meansThenStds();
            assertEquals(table.rows(), means.length);
            for (int r = 0; r < means.length; r++) {
                assertArrayEquals(posterior.mean()[r], means[r], 0, "row " + r);
                assertArrayEquals(posterior.mean()[r], Arrays.copyOfRange(both[r], 0, 2), 0, "row " + r);
                assertArrayEquals(posterior.std()[r], Arrays.copyOfRange(both[r], 2, 4), 0, "row " + r);
            }
        }
    }

    @Test
    void saveThenLoadGivesIdenticalResults(@TempDir Path dir) throws Exception {
        Table table = data();
        Path file = dir.resolve("model.vae");
        try (Vae vae = new VaeTrainer(config(5)).fit(table)) {
            vae.save(file);
            try (Vae loaded = Vae.load(file); Vae fromBytes = Vae.fromBytes(Files.readAllBytes(file))) {
                for (Vae copy : List.of(loaded, fromBytes)) {
                    assertEquals(vae.config(), copy.config());
                    assertEquals(vae.schema(), copy.schema());
                    assertEquals(vae.history(), copy.history());
                    double[][] expected = vae.encode(table).std();
                    double[][] actual = copy.encode(table).std();
                    for (int r = 0; r < expected.length; r++) {
                        assertArrayEquals(expected[r], actual[r], 0, "row " + r);
                    }
                    assertArrayEquals(vae.logLikelihood(table, 8, 3), copy.logLikelihood(table, 8, 3), 0);
                    Table g1 = vae.generate(20, 1, 4);
                    Table g2 = copy.generate(20, 1, 4);
                    for (int r = 0; r < 20; r++) {
                        assertArrayEquals(g1.row(r), g2.row(r), 0);
                    }
                }
            }
        }
    }
}
