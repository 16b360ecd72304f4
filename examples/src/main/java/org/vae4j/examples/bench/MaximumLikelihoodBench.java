package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.vae4j.cli.progress.TimeBudget;
import org.vae4j.infer.coupled.CoupledChainProcedure;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingListener;

/**
 * Maximum-likelihood training against the bounds, at equal time budget, on the density-estimation protocol of
 * {@link DensityProtocol} (dynamically binarized Fashion-MNIST, gated 784-300-300 networks, 40 latents): the same
 * VAE trained by the protocol's ELBO ({@code --objective}), by IWAE with k = N, and by the coupled-chain objective
 * {@code unbiased:particles=N,k=K,m=M,maxMeeting=T} (unbiased gradients of log p(x) for the decoder, IWAE with N
 * samples for the guide). Each trainer gets {@code --budget} seconds of training (validation passes included; the
 * epoch in progress when the budget runs out is dropped) and its best epoch on the validation ELBO is scored: test
 * ELBO, test NLL by importance sampling with {@code --samples} draws, seconds per epoch, and for the chains the mean
 * and largest meeting time and the fraction of capped rows. It prints each trainer's epoch lines and a SUMMARY line,
 * then a markdown table.
 *
 * <p>The protocol's run (S = 5000 on the full test set, an hour per trainer):
 * <pre>
 * java -cp CLASSPATH org.vae4j.examples.bench.MaximumLikelihoodBench --budget 3600 --samples 5000
 * </pre>
 * A quick run (four minutes per trainer on 500 training and 500 test images, no warm-up; the validation passes
 * over the 10k validation images count in the budget):
 * <pre>
 * java -cp CLASSPATH org.vae4j.examples.bench.MaximumLikelihoodBench --budget 240 --train-limit 500 \
 *     --test-limit 500 --samples 500 --warmup 0
 * </pre>
 * with CLASSPATH as examples/bench/density.sh builds it ({@code examples/target/classes} and
 * {@code examples/target/density-classpath.txt}).
 *
 * <p>On a machine whose cores are busy with other work, give {@code --threads 1} to every trainer: the chains run
 * many small engine operations per step (a step of the chains per meeting-time step, up to the cap), and with more
 * intra-op threads than free cores each of them waits for the thread pool, which slows the chains far more than the
 * bounds' few large operations and makes the cost per epoch a measure of the load instead of the method. There,
 * {@code --clock cpu} makes the budget this process's CPU time instead of elapsed time, so that trainers run one
 * after the other get the same computation whatever else the machine does meanwhile.
 */
public final class MaximumLikelihoodBench {

    private MaximumLikelihoodBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = DensityProtocol.declare(new BenchOptions("MaximumLikelihoodBench"))
                .option("--budget", "600", "seconds of training per trainer, on the --clock")
                .option("--clock", "wall", "what the budget counts: wall (elapsed time) or cpu (this process's CPU "
                        + "time, fair between trainers run one after the other on a machine with other work)")
                .option("--particles", "16", "N: the chains' particles per state, and IWAE's k")
                .option("--k", "1", "first chain state averaged")
                .option("--m", "5", "last chain state averaged")
                .option("--max-meeting", "100", "cap on the chains' meeting time")
                .option("--only", "elbo,iwae,unbiased", "the trainers to run, of elbo, iwae and unbiased");
        BenchRunner.run(options, args, MaximumLikelihoodBench::run);
    }

    private static void run(BenchOptions o) throws Exception {
        DensityProtocol elbo = DensityProtocol.from(o);
        int particles = o.positiveInt("--particles");
        Map<String, DensityProtocol> known = new LinkedHashMap<>();
        known.put("elbo", elbo);
        known.put("iwae", elbo.withObjective("iwae:k=" + particles));
        known.put("unbiased", elbo.withObjective(String.format("unbiased:particles=%d,k=%d,m=%d,maxMeeting=%d",
                particles, o.integer("--k"), o.positiveInt("--m"), o.positiveInt("--max-meeting"))));
        List<DensityProtocol> trainers = new ArrayList<>();
        for (String name : o.text("--only").split(",")) {
            DensityProtocol t = known.get(name.trim());
            if (t == null) {
                throw new IllegalArgumentException("option --only: unknown trainer '" + name.trim() + "' (known: "
                        + String.join(", ", known.keySet()) + ")");
            }
            trainers.add(t);
        }
        for (DensityProtocol t : trainers) {
            t.config(); // refuses a bad setting before any training
        }
        double budget = o.positiveReal("--budget");
        LongSupplier clock = switch (o.text("--clock")) {
            case "wall" -> System::nanoTime;
            case "cpu" -> ProcessStats::cpuNanos;
            default -> throw new IllegalArgumentException("option --clock: '" + o.text("--clock")
                    + "' is neither wall nor cpu");
        };
        DensityBench.Images images = DensityBench.Images.of(elbo);
        System.out.printf("peer=vae4j-ml %s budget_seconds=%.0f clock=%s n_train=%d n_val=%d n_test=%d%n",
                BenchRunner.versions(), budget, o.text("--clock"), images.train().rows(), images.validation().rows(),
                images.test().rows());
        List<String> table = new ArrayList<>();
        for (DensityProtocol t : trainers) {
            System.out.println("trainer " + t.describe());
            DensityBench.Scores s = DensityBench.trainAndScore(t, images, new TimeBudget(budget, clock).around(
                    TrainingListener.NONE));
            Meetings m = Meetings.of(s.history().epochs());
            int epochs = s.history().epochs().size();
            double perEpoch = epochs == 0 ? Double.NaN : s.trainSeconds() / epochs;
            System.out.printf("SUMMARY peer=vae4j-ml objective=%s epochs=%d best_epoch=%d train_seconds=%.1f "
                    + "seconds_per_epoch=%.1f test_elbo=%.3f test_nll=%.3f samples=%d eval_seconds=%.1f%s%n",
                    t.objective(), epochs, s.history().bestEpoch(), s.trainSeconds(), perEpoch, s.testElbo(),
                    s.testNll(), t.samples(), s.evalSeconds(), m.describe());
            table.add(String.format("| %s | %d | %.1f | %.3f | %.3f | %s |", t.objective(), epochs, perEpoch,
                    s.testElbo(), s.testNll(), m.cells()));
        }
        System.out.println();
        System.out.println("| objective | epochs | s/epoch | test ELBO | test NLL (S=" + elbo.samples() + ") | "
                + "mean meeting time | max meeting time | capped fraction |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    /** The chains' meeting times over a run's epochs, when the objective reports them. */
    private record Meetings(double mean, double max, double capped, boolean reported) {

        static Meetings of(List<EpochReport> epochs) {
            double mean = 0;
            double max = 0;
            double capped = 0;
            int counted = 0;
            for (EpochReport e : epochs) {
                Map<String, Double> s = e.statistics();
                if (s.containsKey(CoupledChainProcedure.MEETING_TIME_MEAN)) {
                    mean += s.get(CoupledChainProcedure.MEETING_TIME_MEAN);
                    max = Math.max(max, s.get(CoupledChainProcedure.MEETING_TIME_MAX));
                    capped += s.get(CoupledChainProcedure.CAPPED_FRACTION);
                    counted++;
                }
            }
            return counted == 0 ? new Meetings(0, 0, 0, false)
                    : new Meetings(mean / counted, max, capped / counted, true);
        }

        String describe() {
            return reported ? String.format(" meeting_time_mean=%.2f meeting_time_max=%.0f capped_fraction=%.4f",
                    mean, max, capped) : "";
        }

        String cells() {
            return reported ? String.format("%.2f | %.0f | %.4f", mean, max, capped) : "- | - | -";
        }
    }
}
