package org.vae4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The native kernels load where the build made them, work on the arrays' own storage, compute what their
 * documentation says against independent Java arithmetic, and refuse buffers too small for their counts.
 */
class NativeKernelsTest {

    @Test
    void loadWhereTheBuildMadeThem() {
        // core-vae's pom sets this property when it compiled the kernels for this platform.
        assumeTrue(Boolean.getBoolean("vae4j.expectNativeKernels"), "this build made no kernels");
        assertTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        assertNull(NativeKernels.unavailableReason());
        assertTrue(NativeKernels.joinedEngineThreads(), "the kernels run on the engine's OpenMP threads");
    }

    /** Switched off, nothing uses them: the engine-call paths of platforms without kernels run instead. */
    @Test
    void switchedOffTheyAreUnavailableToEveryCaller() {
        assumeTrue("false".equals(System.getProperty(NativeKernels.ENABLED_PROPERTY)), "kernels not switched off");
        assertFalse(NativeKernels.available());
        assertFalse(NativeKernels.sparseLinearAvailable());
        assertFalse(NativeKernels.joinedEngineThreads());
        assertTrue(NativeKernels.unavailableReason().startsWith("switched off"), NativeKernels.unavailableReason());
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            assertFalse(NativeKernels.canWorkOn(manager.create(new float[] {1, 2})));
        }
    }

    /**
     * The OpenMP runtime the kernels join is the engine's own, even when another libgomp was loaded into the
     * process first (a search by file name would take that one, and run the kernels on a second thread pool).
     */
    @Test
    void joinTheEngineOpenMpRuntimeNotTheFirstLibgomp(@TempDir Path cache) throws Exception {
        assumeTrue(Boolean.getBoolean("vae4j.expectNativeKernels"), "this build made no kernels");
        Path systemLibgomp = Stream.of("/usr/lib/x86_64-linux-gnu/libgomp.so.1", "/usr/lib64/libgomp.so.1")
                .map(Path::of).filter(Files::isRegularFile).findFirst().orElse(null);
        assumeTrue(systemLibgomp != null, "no system libgomp to load first");
        EnginesTest probe = new EnginesTest();
        probe.emptyCache = cache;
        List<String> lines = probe.probe(EnginesTest.testClassPath(), "openmp", systemLibgomp.toString()).lines().toList();
        String joined = lines.stream().filter(l -> l.startsWith("joined ")).findFirst().orElseThrow().substring(7);
        String engine = lines.stream().filter(l -> l.startsWith("engine ")).findFirst().orElseThrow().substring(7);
        assertEquals(Path.of(engine).toRealPath(), Path.of(joined).toRealPath().getParent(), String.join("\n", lines));
    }

    @Test
    void aLibraryThatCannotLoadIsAReasonNotAnError() {
        String reason = NativeKernels.loadFrom(new ByteArrayInputStream("not a library".getBytes()), "test-platform");
        assertNotNull(reason);
        assertTrue(reason.startsWith("could not load the native kernels for test-platform"), reason);
    }

    @Test
    void storageIsTheArrayItselfAndNeverACopy() {
        assumeTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            NDArray array = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            ByteBuffer storage = NativeKernels.storageOf(array).order(ByteOrder.nativeOrder());
            storage.putFloat(Float.BYTES, 20f);
            assertArrayEquals(new float[] {1, 20, 3, 4, 5, 6}, array.toFloatArray());
            // A transposed view is not contiguous: the engine would hand out a copy, which writes would miss.
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> NativeKernels.storageOf(array.transpose()));
            assertTrue(e.getMessage().contains("copy"), e.getMessage());
            assertFalse(NativeKernels.canWorkOn(array.transpose()), "callers take the engine path for it");
            assertTrue(NativeKernels.canWorkOn(array));
        }
    }

    @Test
    void adamUpdateMovesAgainstTheGradientAndZeroesIt() {
        assumeTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            NDArray weight = manager.create(new float[] {1, 1, 3});
            NDArray gradient = manager.create(new float[] {2, -4, 1});
            NDArray mean = manager.create(new float[] {0, 0, 2});
            NDArray variance = manager.create(new float[] {0, 0, 32});
            NativeKernels.adamUpdate(NativeKernels.storageOf(weight), NativeKernels.storageOf(gradient),
                    NativeKernels.storageOf(mean), NativeKernels.storageOf(variance), 3, 0.5f, 0.25f, 1f, 0.1f);
            // M = 0.5 M + g; V = 0.25 V + g^2; w -= 0.1 M / (sqrt(V) + 1)
            assertArrayEquals(new float[] {2, -4, 2}, mean.toFloatArray());
            assertArrayEquals(new float[] {4, 16, 9}, variance.toFloatArray());
            assertArrayEquals(new float[] {1 - 0.1f * 2 / 3, 1 + 0.1f * 4 / 5, 3 - 0.1f * 2 / 4},
                    weight.toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {0, 0, 0}, gradient.toFloatArray());
        }
    }

    /**
     * The sparse layer against a product in doubles, on shapes that leave every remainder: rows not a
     * whole number of tiles (and enough of them for both threads), inputs not a whole number of input
     * tiles, and outputs of two full blocks plus a tail that is not a whole vector.
     */
    @ParameterizedTest(name = "{0} rows, {1} -> {2}, density {3}")
    @CsvSource({"101, 77, 291, 0.3", "3, 784, 400, 0.5", "70, 5, 16, 1.0", "40, 33, 7, 0.0"})
    void sparseLinearIsTheDenseProduct(int rows, int in, int out, double density) {
        assumeTrue(NativeKernels.sparseLinearAvailable(), "needs the kernels and AVX-512");
        SplittableRandom random = new SplittableRandom(rows * 31L + in);
        float[] x = new float[rows * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < density ? (float) random.nextGaussian() : 0f;
        }
        float[] weight = new float[out * in]; // (out, in), as a Linear layer stores it
        float[] bias = new float[out];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < out; i++) {
            bias[i] = (float) random.nextGaussian();
        }
        float[] transposed = new float[in * out];
        for (int o = 0; o < out; o++) {
            for (int j = 0; j < in; j++) {
                transposed[j * out + o] = weight[o * in + j];
            }
        }
        ByteBuffer y = direct(new float[rows * out]);
        assertTrue(NativeKernels.sparseLinear(direct(x), direct(transposed), direct(bias), y, rows, in, out));
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double expected = bias[o];
                for (int j = 0; j < in; j++) {
                    expected += (double) x[r * in + j] * weight[o * in + j];
                }
                float actual = y.getFloat((r * out + o) * Float.BYTES);
                assertEquals(expected, actual, 1e-4 * (1 + Math.abs(expected)), "row " + r + ", output " + o);
            }
        }
    }

    @Test
    void firstOutsideFindsTheFirstValueOutsideTheRange() {
        assumeTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        float[] values = new float[10_000]; // more than two scan blocks
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 11) / 10f;
        }
        assertEquals(-1, NativeKernels.firstOutside(direct(values), values.length, 0f, 1f));
        values[17] = Float.NaN; // neither below nor above, as in the Java check
        values[9000] = 1.0001f;
        values[9500] = -3f;
        assertEquals(9000, NativeKernels.firstOutside(direct(values), values.length, 0f, 1f));
        assertEquals(-1, NativeKernels.firstOutside(direct(values), 9000, 0f, 1f), "only the first count");
        values[4096] = -0.5f;
        assertEquals(4096, NativeKernels.firstOutside(direct(values), values.length, 0f, 1f));
    }

    @Test
    void gatherRowsCopiesThePickedRowsInOrder() {
        assumeTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        int width = 300; // rows of 1200 bytes: several cache lines, not a whole number of them
        float[] source = new float[1000 * width];
        for (int i = 0; i < source.length; i++) {
            source[i] = i;
        }
        long[] picked = {999, 0, 17, 17, 512, 3};
        long[] many = new SplittableRandom(2).longs(200, 0, 1000).toArray(); // enough for both threads
        for (long[] rows : new long[][] {picked, many}) {
            ByteBuffer target = direct(new float[rows.length * width]);
            NativeKernels.gatherRows(direct(source), rows, target, width * Float.BYTES);
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < width; c += 37) {
                    assertEquals(rows[i] * width + c, target.getFloat((i * width + c) * Float.BYTES), "row " + i);
                }
                assertEquals(rows[i] * width + width - 1, target.getFloat(((i + 1) * width - 1) * Float.BYTES));
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeKernels.gatherRows(
                direct(source), new long[] {5, 1000}, direct(new float[2 * width]), width * Float.BYTES));
        assertTrue(e.getMessage().contains("row 1000"), e.getMessage());
    }

    @Test
    void refusesBuffersShorterThanTheCount() {
        ByteBuffer small = ByteBuffer.allocateDirect(8);
        ByteBuffer big = ByteBuffer.allocateDirect(64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeKernels.adamUpdate(big, big, small, big, 3, 0.9f, 0.999f, 1e-8f, 1e-3f));
        assertTrue(e.getMessage().contains("3 floats"), e.getMessage());
    }

    private static ByteBuffer direct(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder());
        buffer.asFloatBuffer().put(values);
        return buffer;
    }

    @Test
    void namesPlatformsAsTheBuildDoes() {
        String platform = NativeKernels.platform();
        assertTrue(platform.matches("[a-z0-9]+-[a-z0-9_]+"), platform);
        if ("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))) {
            assertEquals("linux-x86_64", platform);
        }
    }
}
