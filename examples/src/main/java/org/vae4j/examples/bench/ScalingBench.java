package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vae4j.data.Table;
import org.vae4j.examples.IdxFiles;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeTrainer;

/**
 * How an epoch's time grows with the number of rows (at {@code --batch}) and with the batch size (at all
 * loaded rows): one fresh model per setting, the median epoch time of {@code --epochs} epochs, after one
 * untimed warm-up training so the first setting does not pay the JVM's and the engine's first-use costs.
 * Prints, like examples/bench/torch_vae_ext.py --scaling-rows/--scaling-batches:
 * <pre>
 * SCALE peer=vae4j rows=10000 batch=128 epoch_seconds=.. samples_per_sec=..
 * </pre>
 */
public final class ScalingBench {

    private static final int WARMUP_ROWS = 2048;

    private ScalingBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = Workload.declare(new BenchOptions("ScalingBench"), 2, "all")
                .option("--scaling-rows", "10000,30000,60000", "row counts to time at --batch")
                .option("--scaling-batches", "128,256,512,1024", "batch sizes to time on all loaded rows");
        BenchRunner.run(options, args, o -> run(Workload.from(o), o.positiveInts("--scaling-rows"),
                o.positiveInts("--scaling-batches")));
    }

    private static void run(Workload w, List<Integer> rowCounts, List<Integer> batches) throws Exception {
        if (rowCounts.isEmpty() && batches.isEmpty()) {
            throw new IllegalArgumentException("options --scaling-rows and --scaling-batches are both empty");
        }
        IdxFiles.OffHeapImages images = w.trainImages();
        System.out.println(w.describe("vae4j", images.count()));
        epochSeconds(w.with(1, w.batch()), images.rows(0, WARMUP_ROWS));
        Set<List<Integer>> done = new HashSet<>(); // (rows, batch) pairs measured: the sweeps share one
        for (int rows : rowCounts) {
            Table table = images.rows(0, rows);
            if (done.add(List.of(table.rows(), w.batch()))) {
                report(w, table);
            }
        }
        Table all = images.table();
        for (int batch : batches) {
            if (done.add(List.of(all.rows(), batch))) {
                report(w.with(w.epochs(), batch), all);
            }
        }
    }

    private static void report(Workload w, Table rows) {
        double seconds = epochSeconds(w, rows);
        System.out.printf("SCALE peer=vae4j rows=%d batch=%d epoch_seconds=%.3f samples_per_sec=%.1f%n",
                rows.rows(), w.batch(), seconds, rows.rows() / seconds);
    }

    private static double epochSeconds(Workload w, Table rows) {
        List<Double> seconds = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                seconds.add(report.seconds());
            }
        };
        Vae vae = new VaeTrainer(w.config()).listener(timer).fit(rows);
        vae.close(); // only the epoch times are wanted
        return BenchRunner.median(seconds);
    }
}
