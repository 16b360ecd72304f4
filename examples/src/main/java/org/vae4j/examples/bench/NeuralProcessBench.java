package org.vae4j.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.vae4j.cli.plot.PredictiveBandPlot;
import org.vae4j.np.NeuralProcessKind;
import org.vae4j.np.NeuralProcessOptions;
import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.np.Prediction;
import org.vae4j.np.gp.GaussianProcessTasks;
import org.vae4j.np.gp.GaussianProcessTasks.Task;
import org.vae4j.options.OptionValues;

/**
 * Neural processes on DeepMind's 1-D Gaussian-process regression benchmark: each model is trained on tasks
 * from {@link GaussianProcessTasks}, then scored on held-out tasks with 5, 10, 20 and 50 context points (and
 * {@code --extra-targets} further targets) by the mean log-likelihood per target point of its Gaussian
 * predictive ({@link Prediction#logDensity}; for a latent model the Gaussian with its mixture's moments over
 * {@code --samples} draws of z), beside the exact GP posterior predictive with the true kernel (the oracle,
 * the benchmark's limit). Prints one markdown table and writes a PNG of a latent model's samples on one task.
 * <pre>
 * mvn -q -B -o -pl examples -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/np-cp.txt
 * . examples/bin/vae4j-env.sh
 * java $VAE4J_JVM_OPTS -Dai.djl.offline=true \
 *     -cp "examples/target/classes:core-vae/target/classes:$(cat /tmp/np-cp.txt)" \
 *     org.vae4j.examples.bench.NeuralProcessBench --steps 20000 --tasks 1000 --png np-samples.png
 * </pre>
 */
public final class NeuralProcessBench {

    private NeuralProcessBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions("NeuralProcessBench")
                .option("--models", "cnp,np,attentive_np", "models to train, comma-separated")
                .option("--kernel", "fixed", "fixed (length-scale 0.4, scale 1) or random (per task)")
                .option("--steps", "20000", "training steps per model")
                .option("--batch", "16", "tasks per training step")
                .option("--hidden", "128,128,128", "hidden widths of every perceptron")
                .option("--representation", "128", "width of r")
                .option("--latent", "128", "width of z")
                .option("--lr", "5e-4", "Adam step size")
                .option("--samples", "32", "draws of z per latent prediction")
                .option("--tasks", "1000", "held-out tasks per context size")
                .option("--contexts", "5,10,20,50", "context sizes scored")
                .option("--extra-targets", "50", "target points beside the context in each held-out task")
                .option("--seed", "1", "seed of training; held-out tasks use seed + 1")
                .option("--threads", "1", "PyTorch intra-op threads (set before the engine starts)")
                .option("--png", "np-samples.png", "PNG of a latent model's samples on one task")
                .option("--draws", "10", "sampled functions in the PNG");
        BenchRunner.run(options, args, NeuralProcessBench::run);
    }

    private static void run(BenchOptions o) throws Exception {
        Workload.useThreads(o.positiveInt("--threads"));
        GaussianProcessTasks source = switch (o.text("--kernel")) {
            case "fixed" -> GaussianProcessTasks.fixedKernel();
            case "random" -> GaussianProcessTasks.randomKernel();
            default -> throw new IllegalArgumentException("option --kernel takes fixed or random");
        };
        List<Integer> contexts = o.positiveInts("--contexts");
        int tasks = o.positiveInt("--tasks");
        long seed = o.integer("--seed");
        Map<Integer, List<Task>> heldOut = heldOutTasks(source, contexts, tasks, o.positiveInt("--extra-targets"),
                seed + 1);
        System.out.printf("NeuralProcessBench %s kernel=%s steps=%d batch=%d hidden=%s representation=%d latent=%d "
                + "lr=%s samples=%d tasks=%d extra_targets=%d seed=%d threads=%d%n", BenchRunner.versions(),
                o.text("--kernel"), o.positiveInt("--steps"), o.positiveInt("--batch"), o.text("--hidden"),
                o.positiveInt("--representation"), o.positiveInt("--latent"), o.text("--lr"),
                o.positiveInt("--samples"), tasks, o.positiveInt("--extra-targets"), seed, o.positiveInt("--threads"));
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put("oracle GP", score(heldOut, contexts, Task::oracle));
        NeuralProcessRegressor pictured = null;
        try {
            for (String model : o.text("--models").split(",")) {
                NeuralProcessKind kind = NeuralProcessKind.valueOf(model.trim().toUpperCase(Locale.ROOT));
                long start = System.nanoTime();
                NeuralProcessRegressor trained = NeuralProcessRegressor.fit(source, options(o, kind));
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                scores.put(kind.name().toLowerCase(Locale.ROOT), score(heldOut, contexts, t -> trained.predict(
                        Task.column(t.xContext()), Task.column(t.yContext()), Task.column(t.xTarget()))));
                System.out.printf("%s trained in %.1f s, scored in %.1f s%n", kind.name().toLowerCase(Locale.ROOT),
                        trainSeconds, (System.nanoTime() - start) / 1e9);
                if (pictured == null && kind.hasLatentPath()) {
                    pictured = trained;
                } else {
                    trained.close();
                }
            }
            printTable(contexts, scores);
            if (pictured != null) {
                picture(pictured, source, o.positiveInt("--draws"), seed + 2, Path.of(o.text("--png")));
            }
        } finally {
            if (pictured != null) {
                pictured.close();
            }
        }
    }

    private static OptionValues options(BenchOptions o, NeuralProcessKind kind) {
        return NeuralProcessOptions.of(Map.of("model", kind.name().toLowerCase(Locale.ROOT), "steps",
                o.positiveInt("--steps"), "batchSize", o.positiveInt("--batch"), "hidden", o.positiveInts("--hidden"),
                "representationDim", o.positiveInt("--representation"), "latentDim", o.positiveInt("--latent"),
                "learningRate", o.positiveReal("--lr"), "predictionSamples", o.positiveInt("--samples"), "seed",
                o.integer("--seed"), "device", "cpu"));
    }

    private static Map<Integer, List<Task>> heldOutTasks(GaussianProcessTasks source, List<Integer> contexts,
            int tasks, int extraTargets, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, List<Task>> heldOut = new LinkedHashMap<>();
        for (int context : contexts) {
            List<Task> list = new ArrayList<>(tasks);
            for (int t = 0; t < tasks; t++) {
                list.add(source.task(context, extraTargets, random));
            }
            heldOut.put(context, list);
        }
        return heldOut;
    }

    /** How a scored predictor predicts one task's targets. */
    private interface Predictor {
        Prediction predict(Task task);
    }

    /** The mean log-likelihood per target point at each context size. */
    private static double[] score(Map<Integer, List<Task>> heldOut, List<Integer> contexts, Predictor predictor) {
        double[] scores = new double[contexts.size()];
        for (int c = 0; c < contexts.size(); c++) {
            double sum = 0;
            long points = 0;
            for (Task task : heldOut.get(contexts.get(c))) {
                for (double logDensity : predictor.predict(task).logDensity(Task.column(task.yTarget()))) {
                    sum += logDensity;
                    points++;
                }
            }
            scores[c] = sum / points;
        }
        return scores;
    }

    private static void printTable(List<Integer> contexts, Map<String, double[]> scores) {
        StringBuilder header = new StringBuilder("| context points |");
        StringBuilder rule = new StringBuilder("|---:|");
        for (String name : scores.keySet()) {
            header.append(' ').append(name).append(" |");
            rule.append("---:|");
            if (!name.equals("oracle GP")) {
                header.append(" gap ").append(name).append(" |");
                rule.append("---:|");
            }
        }
        System.out.println();
        System.out.println("Mean log-likelihood per target point (nats; gap = oracle minus model):");
        System.out.println(header);
        System.out.println(rule);
        double[] oracle = scores.get("oracle GP");
        for (int c = 0; c < contexts.size(); c++) {
            StringBuilder row = new StringBuilder("| " + contexts.get(c) + " |");
            for (Map.Entry<String, double[]> e : scores.entrySet()) {
                row.append(String.format(Locale.ROOT, " %.3f |", e.getValue()[c]));
                if (!e.getKey().equals("oracle GP")) {
                    row.append(String.format(Locale.ROOT, " %.3f |", oracle[c] - e.getValue()[c]));
                }
            }
            System.out.println(row);
        }
    }

    /** Writes the model's sampled functions on one held-out-style task with 10 context points. */
    private static void picture(NeuralProcessRegressor model, GaussianProcessTasks source, int draws, long seed,
            Path file) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Task task = source.task(10, 0, random);
        int n = 200;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = GaussianProcessTasks.X_MIN + (GaussianProcessTasks.X_MAX - GaussianProcessTasks.X_MIN) * i
                    / (n - 1);
        }
        double[][][] means = model.sampleMeans(Task.column(task.xContext()), Task.column(task.yContext()),
                Task.column(grid), draws, seed);
        double[][] curves = new double[means.length][n];
        for (int s = 0; s < means.length; s++) {
            for (int i = 0; i < n; i++) {
                curves[s][i] = means[s][i][0];
            }
        }
        Prediction oracle = new Task(task.kernel(), task.xContext(), task.yContext(), grid, new double[n]).oracle();
        double[] oracleMean = new double[n];
        double[] oracleSd = new double[n];
        for (int i = 0; i < n; i++) {
            oracleMean[i] = oracle.mean()[i][0];
            oracleSd[i] = oracle.standardDeviation(i, 0);
        }
        PredictiveBandPlot.write(model.kind().name().toLowerCase(Locale.ROOT) + ": " + curves.length
                + " draws of z given 10 context points", grid, oracleMean, oracleSd, "GP oracle mean +/- 2 sd", curves,
                "model samples", task.xContext(), task.yContext(), "context", "x", "y", file);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
