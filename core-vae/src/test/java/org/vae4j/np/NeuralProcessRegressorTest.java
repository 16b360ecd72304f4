package org.vae4j.np;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.io.ModelFormatException;
import org.vae4j.options.OptionValues;

/** Training, prediction, persistence and input checks of {@link NeuralProcessRegressor}, on tiny tables. */
class NeuralProcessRegressorTest {

    /** Rows of y = (sin(2 x1) + x2, x1 - x2) on 40 random inputs. */
    private static double[][][] table(long seed) {
        Random random = new Random(seed);
        double[][] x = new double[40][2];
        double[][] y = new double[40][2];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextDouble() * 4 - 2;
            x[i][1] = random.nextDouble() * 4 - 2;
            y[i][0] = Math.sin(2 * x[i][0]) + x[i][1];
            y[i][1] = x[i][0] - x[i][1];
        }
        return new double[][][] {x, y};
    }

    private static OptionValues small(NeuralProcessKind kind) {
        return NeuralProcessOptions.of(Map.of("model", kind.name().toLowerCase(), "representationDim", 8,
                "latentDim", 4, "hidden", List.of(16), "steps", 20, "batchSize", 4, "maxContext", 20,
                "predictionSamples", 4, "device", "cpu"));
    }

    @Test
    void saveLoadAndBytesGiveTheSamePredictionsForEveryModel(@TempDir Path dir) throws Exception {
        double[][][] data = table(1);
        for (NeuralProcessKind kind : NeuralProcessKind.values()) {
            try (NeuralProcessRegressor trained = NeuralProcessRegressor.fit(data[0], data[1], small(kind))) {
                Prediction expected = trained.predict(data[0]);
                Path file = dir.resolve(kind + ".vae4j");
                trained.save(file);
                try (NeuralProcessRegressor loaded = NeuralProcessRegressor.load(file);
                        NeuralProcessRegressor copied = NeuralProcessRegressor.fromBytes(trained.toBytes())) {
                    for (NeuralProcessRegressor other : List.of(loaded, copied)) {
                        Prediction actual = other.predict(data[0]);
                        assertEquals(kind, other.kind());
                        assertEquals(20, other.contextRows());
                        for (int r = 0; r < expected.rows(); r++) {
                            assertArrayEquals(expected.mean()[r], actual.mean()[r], 0, kind + " row " + r);
                            assertArrayEquals(expected.variance()[r], actual.variance()[r], 0, kind + " row " + r);
                        }
                    }
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameModel() {
        double[][][] data = table(2);
        try (NeuralProcessRegressor a = NeuralProcessRegressor.fit(data[0], data[1], small(NeuralProcessKind.NP));
                NeuralProcessRegressor b = NeuralProcessRegressor.fit(data[0], data[1], small(NeuralProcessKind.NP))) {
            Prediction pa = a.predict(data[0]);
            Prediction pb = b.predict(data[0]);
            for (int r = 0; r < pa.rows(); r++) {
                assertArrayEquals(pa.mean()[r], pb.mean()[r], 0);
                assertArrayEquals(pa.variance()[r], pb.variance()[r], 0);
            }
        }
    }

    @Test
    void predictionsAreInTheOutputsUnitsWithPositiveVariances() {
        double[][][] data = table(3);
        double[][] y = data[1];
        double[][] shifted = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            shifted[i] = new double[] {1000 + 50 * y[i][0], y[i][1]};
        }
        try (NeuralProcessRegressor np = NeuralProcessRegressor.fit(data[0], shifted, small(NeuralProcessKind.CNP))) {
            Prediction p = np.predict(data[0]);
            assertEquals(2, np.outputDim());
            assertEquals(2, np.inputDim());
            for (int r = 0; r < p.rows(); r++) {
                assertTrue(p.mean()[r][0] > 700 && p.mean()[r][0] < 1300, "row " + r + ": " + p.mean()[r][0]);
                assertTrue(p.variance()[r][0] > 0 && p.variance()[r][1] > 0);
                // sigma >= 0.1 standardised units: the floor shows in the first output's own units
                assertTrue(p.standardDeviation(r, 0) >= 0.1 * 50 * 0.5, "row " + r);
            }
        }
    }

    @Test
    void badInputIsNamedByRowAndColumn() {
        double[][][] data = table(4);
        double[][] x = data[0];
        x[6][1] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> NeuralProcessRegressor.fit(x, data[1], small(NeuralProcessKind.CNP)));
        assertTrue(nan.getMessage().contains("training inputs, row 7, column 2"), nan.getMessage());
        x[6][1] = 0;
        try (NeuralProcessRegressor np = NeuralProcessRegressor.fit(x, data[1], small(NeuralProcessKind.CNP))) {
            IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                    () -> np.predict(new double[][] {{1, 2}, {1, 2, 3}}));
            assertTrue(width.getMessage().contains("inputs, row 2: 3 columns, expected 2"), width.getMessage());
            IllegalArgumentException context = assertThrows(IllegalArgumentException.class,
                    () -> np.predict(new double[][] {{1, 2}}, new double[][] {{1, Double.POSITIVE_INFINITY}},
                            new double[][] {{0, 0}}));
            assertTrue(context.getMessage().contains("context outputs, row 1, column 2"), context.getMessage());
        }
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> NeuralProcessRegressor.fit(x, new double[3][2], small(NeuralProcessKind.CNP)));
        assertTrue(rows.getMessage().contains("40 rows"), rows.getMessage());
    }

    @Test
    void closedRegressorFailsClearlyAndAForeignFileIsRefused(@TempDir Path dir) throws Exception {
        double[][][] data = table(5);
        NeuralProcessRegressor np = NeuralProcessRegressor.fit(data[0], data[1], small(NeuralProcessKind.CNP));
        byte[] bytes = np.toBytes();
        np.close();
        np.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> np.predict(data[0]));
        assertTrue(closed.getMessage().contains("neural process has been closed"), closed.getMessage());
        byte[] corrupt = bytes.clone();
        corrupt[corrupt.length / 2] ^= 1;
        Path file = dir.resolve("corrupt.vae4j");
        Files.write(file, corrupt);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NeuralProcessRegressor.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void closeWhilePredictingLetsCallsFinishOrFailClearly() throws Exception {
        double[][][] data = table(6);
        NeuralProcessRegressor np = NeuralProcessRegressor.fit(data[0], data[1], small(NeuralProcessKind.ATTENTIVE_NP));
        double[][] expected = np.predict(data[0]).mean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            calls.add(pool.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    try {
                        double[][] mean = np.predict(data[0]).mean();
                        for (int r = 0; r < mean.length; r++) {
                            assertArrayEquals(expected[r], mean[r], 0);
                        }
                    } catch (IllegalStateException e) {
                        assertTrue(e.getMessage().contains("closed"), e.getMessage());
                    }
                }
                return null;
            }));
        }
        Thread.sleep(20);
        np.close();
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThrows(IllegalStateException.class, () -> np.predict(data[0]));
    }
}
