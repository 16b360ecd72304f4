package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.examples.IdxFiles;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeTrainer;

/**
 * Inference speed: trains briefly (the weights do not change the cost), then times posterior means
 * ({@link Vae#encodeMeans}, what the reference's {@code encode(x)[0]} gives and what the Weka filter and the
 * Tribuo features output by default) on the 10k test set in one call (rows/s, median of repeats after one
 * warm-up call) and on one-row tables,
 * the path Weka's later batches and Tribuo's predict take (microseconds per call after warm-up; the
 * one-row tables are built before the clock starts). Prints, like examples/bench/torch_vae_ext.py --encode:
 * <pre>
 * ENCODE peer=vae4j rows=10000 batch_rows_per_sec=.. one_row_us_median=.. one_row_us_mean=.. one_row_us_p99=.. calls=..
 * </pre>
 */
public final class EncodeBench {

    private EncodeBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = Workload.declare(new BenchOptions("EncodeBench"), 1, "10000")
                .option("--encode-repeats", "5", "timed encodings of the whole test set")
                .option("--one-row-calls", "5000", "timed one-row encodings (one per test row, at most 10000)")
                .option("--warmup-calls", "1000", "untimed one-row encodings first");
        BenchRunner.run(options, args, o -> run(Workload.from(o), o.positiveInt("--encode-repeats"),
                o.positiveInt("--one-row-calls"), o.positiveInt("--warmup-calls")));
    }

    private static void run(Workload w, int repeats, int calls, int warmup) throws Exception {
        IdxFiles.OffHeapImages testImages = w.testImages();
        if (calls > testImages.count()) {
            throw new IllegalArgumentException("option --one-row-calls is at most " + testImages.count()
                    + " (one call per test row), got " + calls);
        }
        Table train = w.trainImages().table();
        Table test = testImages.table();
        System.out.println(w.describe("vae4j", train.rows()));
        try (Vae vae = new VaeTrainer(w.config()).listener(TrainingListener.NONE).fit(train)) {
            double rowsPerSecond = test.rows() / BenchRunner.median(batchSeconds(vae, test, repeats));
            double[] micros = oneRowMicros(vae, testImages, calls, warmup);
            Arrays.sort(micros);
            System.out.printf("ENCODE peer=vae4j rows=%d batch_rows_per_sec=%.1f one_row_us_median=%.1f "
                    + "one_row_us_mean=%.1f one_row_us_p99=%.1f calls=%d%n", test.rows(), rowsPerSecond,
                    micros[micros.length / 2], BenchRunner.mean(micros),
                    micros[(int) (0.99 * (micros.length - 1))], micros.length);
        }
    }

    private static List<Double> batchSeconds(Vae vae, Table test, int repeats) {
        vae.encodeMeans(test); // warm-up
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            vae.encodeMeans(test);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return seconds;
    }

    private static double[] oneRowMicros(Vae vae, IdxFiles.OffHeapImages images, int calls, int warmup) {
        Schema schema = Schema.numeric("pixel", images.width());
        Table[] rows = new Table[calls];
        for (int i = 0; i < calls; i++) {
            rows[i] = Table.ofNumeric(schema, images.row(i), null); // a heap row, as Weka and Tribuo pass one
        }
        for (int i = 0; i < warmup; i++) {
            vae.encodeMeans(rows[i % calls]);
        }
        double[] micros = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            vae.encodeMeans(rows[i]);
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        return micros;
    }
}
