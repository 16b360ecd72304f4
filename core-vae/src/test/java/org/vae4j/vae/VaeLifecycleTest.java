package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.engine.Engines;

/**
 * The native parameters' lifetime: {@link Vae#close()} waits for calls in flight and may be called any
 * number of times from any thread; a call after it fails clearly; a model that is never closed frees its
 * native memory once unreachable.
 */
class VaeLifecycleTest {

    private static Table table;
    private static byte[] modelBytes;
    private static double[][] expected;
    private static Table expectedGenerated;

    @BeforeAll
    static void trainOnce() {
        Schema schema = Schema.of(List.of(Column.numeric("a"), Column.numeric("b"), Column.numeric("c")));
        Random random = new Random(5);
        Table.Builder builder = Table.builder(schema);
        for (int i = 0; i < 64; i++) {
            double a = random.nextGaussian();
            builder.addRow(new double[] {a, 2 * a + 0.1 * random.nextGaussian(), random.nextGaussian()});
        }
        table = builder.build();
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(2).batchSize(32).build();
        try (Vae vae = new VaeTrainer(config).fit(table)) {
            modelBytes = vae.toBytes();
            expected = vae.encodeMeans(table);
            expectedGenerated = vae.generate(5, 11);
        }
    }

    private static int liveArrays() {
        // Every base manager hangs off the engine's system manager, so its tree holds all live arrays.
        try (NDManager probe = Engines.pytorch().newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void closeWhileOtherThreadsPredictNeitherCrashesNorGivesWrongResults() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        AtomicInteger correct = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            for (int round = 0; round < 30; round++) {
                Vae vae = Vae.fromBytes(modelBytes);
                CountDownLatch started = new CountDownLatch(threads);
                AtomicBoolean closed = new AtomicBoolean();
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(pool.submit(() -> {
                        started.countDown();
                        while (true) {
                            boolean closedBefore = closed.get();
                            try {
                                double[][] means = vae.encodeMeans(table);
                                for (int r = 0; r < means.length; r++) {
                                    assertArrayEquals(expected[r], means[r], 0.0, "row " + (r + 1));
                                }
                                Table generated = vae.generate(5, 11);
                                for (int r = 0; r < generated.rows(); r++) {
                                    assertArrayEquals(expectedGenerated.row(r), generated.row(r), 0.0,
                                            "generated row " + (r + 1));
                                }
                                correct.incrementAndGet();
                                assertTrue(!closedBefore, "a call that starts after close must not succeed");
                            } catch (IllegalStateException e) {
                                assertTrue(e.getMessage().contains("closed"), e.getMessage());
                                refused.incrementAndGet();
                                return null;
                            }
                        }
                    }));
                }
                started.await();
                // Two closers at once: close is idempotent and safe under concurrent calls.
                Runnable closer = () -> {
                    vae.close();
                    closed.set(true);
                };
                Future<?> first = pool.submit(closer);
                Future<?> second = pool.submit(closer);
                first.get(30, TimeUnit.SECONDS);
                second.get(30, TimeUnit.SECONDS);
                for (Future<?> f : work) {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30 * 4, refused.get(), "every predicting thread ends on a clear refusal");
        assertTrue(correct.get() > 0, "some predictions ran before the close");
    }

    @Test
    void callsAfterCloseFailClearlyAndCloseIsIdempotent() {
        Vae vae = Vae.fromBytes(modelBytes);
        vae.close();
        vae.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> vae.encode(table));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> vae.generate(3, 1));
        assertThrows(IllegalStateException.class, () -> vae.logLikelihood(table, 2, 1));
        assertThrows(IllegalStateException.class, vae::toBytes);
        assertThrows(IllegalStateException.class, vae::parameterCount);
    }

    @Test
    void modelsThatAreNeverClosedFreeTheirNativeMemoryOnceUnreachable() throws InterruptedException {
        int before = liveArrays();
        List<Vae> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Vae dropped = Vae.fromBytes(modelBytes);
            dropped.encodeMeans(table);
            held.add(dropped); // reachable until counted, so a collection meanwhile cannot free them early
        }
        assertTrue(liveArrays() >= before + 40, "the count sees the dropped models' parameters");
        held.clear();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (liveArrays() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(liveArrays() <= before, "live native arrays " + liveArrays() + ", before " + before);
    }
}
