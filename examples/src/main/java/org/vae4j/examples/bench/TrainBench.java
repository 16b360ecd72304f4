package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.List;

import org.vae4j.data.Table;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.StepReport;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeTrainer;

/**
 * Training throughput, test ELBO, resident memory and start-up time on the reference workload (or a
 * variant: {@code --hidden 512,256 --latent 32 --batch 256} is the deeper configuration). Prints, like
 * examples/bench/torch_vae_ext.py:
 * <pre>
 * epoch 1 train_seconds=.. samples_per_sec=.. train_loss=.. rss_mib=.. peak_rss_mib=..
 * SUMMARY peer=vae4j djl=.. pytorch=.. epochs=2 median_epoch_seconds=.. samples_per_sec=.. test_elbo=..
 * STARTUP peer=vae4j first_step_ms=.. peak_rss_mib=..
 * </pre>
 * The test ELBO is taken once, after the last epoch (the trainer hands out the model only at the end), with
 * one z per test image. {@code first_step_ms} runs from the JVM's launch to the end of the first
 * optimisation step. Run with {@code --epochs 20} for the flat-memory check.
 */
public final class TrainBench {

    private TrainBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = Workload.declare(new BenchOptions("TrainBench"), 2, "all");
        BenchRunner.run(options, args, o -> run(Workload.from(o)));
    }

    private static void run(Workload w) throws Exception {
        Table train = w.trainImages().table();
        Table test = w.testImages().table();
        System.out.println(w.describe("vae4j", train.rows()));
        Progress progress = new Progress(train.rows());
        try (Vae vae = new VaeTrainer(w.config()).listener(progress).fit(train)) {
            double elbo = BenchRunner.mean(vae.elbo(test, w.seed() + 1000 + w.epochs()));
            double median = BenchRunner.median(progress.seconds);
            System.out.printf("SUMMARY peer=vae4j %s epochs=%d median_epoch_seconds=%.3f samples_per_sec=%.1f "
                    + "test_elbo=%.3f%n", BenchRunner.versions(), w.epochs(), median, train.rows() / median, elbo);
            System.out.printf("STARTUP peer=vae4j first_step_ms=%d peak_rss_mib=%d%n", progress.firstStepMs,
                    ProcessStats.peakRssMib());
        }
    }

    /** Prints one line per epoch and remembers the epoch times and when the first step ended. */
    private static final class Progress implements TrainingListener {
        private final int rows;
        private final List<Double> seconds = new ArrayList<>();
        private long firstStepMs = -1;

        Progress(int rows) {
            this.rows = rows;
        }

        @Override
        public void onStep(StepReport report) {
            if (firstStepMs < 0) {
                firstStepMs = ProcessStats.millisSinceJvmStart();
            }
        }

        @Override
        public void onEpoch(EpochReport r) {
            seconds.add(r.seconds());
            System.out.printf("epoch %d train_seconds=%.3f samples_per_sec=%.1f train_loss=%.3f rss_mib=%d "
                    + "peak_rss_mib=%d%n", r.epoch(), r.seconds(), rows / r.seconds(), r.trainLoss(),
                    ProcessStats.rssMib(), ProcessStats.peakRssMib());
        }
    }
}
