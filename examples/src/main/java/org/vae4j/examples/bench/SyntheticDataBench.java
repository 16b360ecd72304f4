package org.vae4j.examples.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vae4j.cli.data.TextFile;
import org.vae4j.cli.report.Json;
import org.vae4j.examples.synth.ColumnFidelity;
import org.vae4j.examples.synth.GaussianCopulaSampler;
import org.vae4j.examples.synth.HoldoutSplit;
import org.vae4j.examples.synth.MarginalSampler;
import org.vae4j.examples.synth.MlEfficacy;
import org.vae4j.examples.synth.SynthFiles;
import org.vae4j.examples.synth.SynthReport;
import org.vae4j.examples.synth.SynthTable;
import org.vae4j.examples.synth.WekaRows;

import weka.core.Instances;
import weka.core.Utils;
import weka.datagenerators.classifiers.classification.VAEGenerator;

/**
 * Synthetic tables from vae4j against two baselines, measured with the yardstick of {@code vae4j synth-report}.
 * For each data set (an ARFF file whose last attribute is the class) and seed, the rows are split 70/30
 * (stratified by a nominal class, {@link HoldoutSplit} with the seed); vae4j's generator (Weka's VAEGenerator
 * trained on the training split, conditional on a nominal class, as {@code vae4j generate} and Weka use it), the
 * independent marginals ({@link MarginalSampler}) and the Gaussian copula ({@link GaussianCopulaSampler}) each
 * generate as many rows as the training split, and {@link SynthReport} compares them with the training and
 * held-out rows. The split, the synthetic files and each report are kept under {@code --out}; one table of the
 * means over the seeds is printed.
 */
public final class SyntheticDataBench {

    private static final double HOLDOUT_FRACTION = 0.3;
    /** The target for train-on-synthetic as a share of train-on-real. */
    private static final double EFFICACY_TARGET = 0.9;
    private static final List<String> GENERATORS = List.of("vae4j", "marginals", "copula");
    /** The table's name for the held-out real rows, measured as if generated: what a perfect generator scores. */
    private static final String HELD_OUT = "(held-out real rows)";

    private SyntheticDataBench() {}

    /** Runs the benchmark; see {@code --help}. */
    public static void main(String[] args) throws Exception {
        BenchOptions o = new BenchOptions("SyntheticDataBench")
                .option("--data-dirs", "", "comma-separated folders to look for the data sets in (required; Debian's "
                        + "weka package has them under /usr/share/doc/weka/examples)")
                .option("--sets", "diabetes,breast-cancer,vote,labor,cpu.with.vendor,glass,credit-g",
                        "data sets (ARFF file names without .arff; the last attribute is the class)")
                .option("--seeds", "1,2,3", "seeds of the split and the generators")
                .option("--vae", "-E 1000", "VAEGenerator's options (other than -training, -class, -n, -S)")
                .option("--threads", "1", "PyTorch intra-op threads")
                .option("--out", "", "folder for splits, synthetic files and reports (default: a fresh temp folder)");
        if (List.of(args).contains("--help")) {
            System.out.println(o.usage());
            return;
        }
        o.parse(args);
        if (o.text("--data-dirs").isBlank()) {
            throw new IllegalArgumentException("option --data-dirs: give the folders that hold the data sets' ARFF "
                    + "files (Debian's weka package has them under /usr/share/doc/weka/examples)");
        }
        Workload.useThreads(o.positiveInt("--threads"));
        Path out = o.text("--out").isEmpty() ? Files.createTempDirectory("vae4j-synth") : Path.of(o.text("--out"));
        List<Integer> seeds = o.positiveInts("--seeds");
        List<Row> rows = new ArrayList<>();
        for (String set : o.text("--sets").split(",")) {
            Path file = find(o.text("--data-dirs"), set.trim());
            Map<String, List<SynthReport>> reports = new LinkedHashMap<>();
            for (int seed : seeds) {
                Map<String, SynthReport> one = run(file, seed, o.text("--vae"), out.resolve(set.trim() + "/seed" + seed));
                one.forEach((g, r) -> reports.computeIfAbsent(g, k -> new ArrayList<>()).add(r));
            }
            reports.forEach((g, r) -> rows.add(g.equals(HELD_OUT) ? Row.reference(set.trim(), r)
                    : Row.of(set.trim(), g, r)));
        }
        print(rows, seeds, o.text("--vae"), System.out);
        System.err.println("SyntheticDataBench: splits, synthetic files and reports in " + out);
    }

    private static Path find(String dirs, String set) {
        for (String dir : dirs.split(",")) {
            Path file = Path.of(dir.trim(), set + ".arff");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalArgumentException("option --sets: no " + set + ".arff in --data-dirs " + dirs);
    }

    /** One data set and seed: split, generate with each generator, measure; files under {@code dir}. */
    private static Map<String, SynthReport> run(Path file, int seed, String vaeOptions, Path dir) throws Exception {
        Files.createDirectories(dir);
        SynthTable all = SynthFiles.readReal(file, null);
        int classColumn = all.width() - 1;
        HoldoutSplit split = HoldoutSplit.of(all, classColumn, HOLDOUT_FRACTION, seed);
        Path trainFile = writeArff(split.training(), classColumn, dir.resolve("train.arff"));
        writeArff(split.holdout(), classColumn, dir.resolve("holdout.arff"));
        SynthTable training = SynthFiles.readReal(trainFile, null);
        SynthTable holdout = SynthFiles.readLike(dir.resolve("holdout.arff"), training.columns(), "held-out");
        int n = training.rows();
        Map<String, SynthReport> reports = new LinkedHashMap<>();
        reports.put(HELD_OUT, SynthReport.measure(training, holdout, holdout, classColumn, "holdout.arff"));
        for (String generator : GENERATORS) {
            Path synthetic = dir.resolve("synthetic-" + generator + ".arff");
            long started = System.nanoTime();
            switch (generator) {
                case "vae4j" -> vae4j(trainFile, n, seed, vaeOptions, synthetic);
                case "marginals" -> writeArff(new MarginalSampler(training).sample(n, seed), classColumn, synthetic);
                default -> writeArff(new GaussianCopulaSampler(training).sample(n, seed), classColumn, synthetic);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            SynthTable rows = SynthFiles.readLike(synthetic, training.columns(), generator);
            SynthReport report = SynthReport.measure(training, rows, holdout, classColumn, "holdout.arff");
            String json = Json.write(report.toMap());
            TextFile.write(dir.resolve("report-" + generator + ".json"), w -> w.write(json));
            System.err.printf(Locale.ROOT, "SyntheticDataBench: %s seed %d %s: %.1f s%n", file.getFileName(), seed,
                    generator, seconds);
            reports.put(generator, report);
        }
        return reports;
    }

    /** vae4j's rows: Weka's VAEGenerator trained on the training file, as many rows as it has. */
    private static void vae4j(Path trainFile, int n, int seed, String vaeOptions, Path synthetic) throws Exception {
        VAEGenerator generator = new VAEGenerator();
        generator.setOptions(Utils.splitOptions(vaeOptions + " -class last -n " + n + " -S " + seed + " -training "
                + Utils.quote(trainFile.toString())));
        generator.defineDataFormat();
        Instances rows = generator.generateExamples();
        TextFile.write(synthetic, w -> w.write(rows.toString()));
    }

    private static Path writeArff(SynthTable table, int classColumn, Path file) throws Exception {
        Instances rows = WekaRows.of(table, file.getFileName().toString().replace(".arff", ""), classColumn);
        TextFile.write(file, w -> w.write(rows.toString()));
        return file;
    }

    /** One line of the table: a data set and generator, means over the seeds. */
    private record Row(String set, String generator, double fidelity, double missing, double dependence,
            double impossible,
            String learners, double ratio1, double ratio2, double syntheticP5, double holdoutP5, double copies,
            double holdoutCopies, double completeHoldoutCopies, double duplicates) {

        static Row of(String set, String generator, List<SynthReport> reports) {
            MlEfficacy first = reports.get(0).efficacy();
            String measure = first.primaryMeasure();
            List<String> learners = first.learners();
            return new Row(set, generator, mean(reports, r -> r.meanFidelity()), missing(reports),
                    mean(reports, r -> r.dependence().overall()), mean(reports, r -> r.impossible().share()),
                    String.join("/", learners) + " " + measure + (first.classification() ? ""
                            : String.format(Locale.ROOT, " (mae %.2f/%.2f)", mean(reports, r -> ratio(r, learners.get(0),
                            "mae")), mean(reports, r -> ratio(r, learners.get(1), "mae")))),
                    mean(reports, r -> ratio(r, learners.get(0), measure)),
                    mean(reports, r -> ratio(r, learners.get(1), measure)),
                    mean(reports, r -> r.privacy().syntheticP5()), mean(reports, r -> r.privacy().holdoutP5()),
                    mean(reports, r -> r.privacy().syntheticCopies()), mean(reports, r -> r.privacy().holdoutCopies()),
                    mean(reports, r -> r.privacy().completeHoldoutCopies()), mean(reports, r -> r.privacy().realDuplicates()));
        }

        /** The held-out rows' line: column distance, dependence and impossible cells only. */
        static Row reference(String set, List<SynthReport> reports) {
            double nan = Double.NaN;
            return new Row(set, HELD_OUT, mean(reports, r -> r.meanFidelity()), missing(reports),
                    mean(reports, r -> r.dependence().overall()), mean(reports, r -> r.impossible().share()), "",
                    nan, nan, nan, nan, nan, nan, nan, nan);
        }

        private static double missing(List<SynthReport> reports) {
            return mean(reports, r -> ColumnFidelity.meanMissingDifference(r.fidelity()));
        }

        private static double ratio(SynthReport report, String learner, String measure) {
            return report.efficacy().score(learner, measure).ratio();
        }

        private static double mean(List<SynthReport> reports, java.util.function.ToDoubleFunction<SynthReport> f) {
            return reports.stream().mapToDouble(f).average().orElse(Double.NaN);
        }
    }

    private static void print(List<Row> rows, List<Integer> seeds, String vaeOptions, PrintStream out) {
        out.println("Synthetic tables: means over seeds " + seeds + "; vae4j = VAEGenerator " + vaeOptions + "; "
                + "70/30 stratified split; as many rows as the training split");
        out.println();
        out.println("| data set | generator | column distance | missing-share diff | dependence diff | impossible "
                + "cells | ML efficacy (learners, measure) | ratio 1 | ratio 2 | DCR p5 synthetic / holdout | exact "
                + "copies synthetic (held-out: all, complete rows; training duplicates) |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            if (r.generator().equals(HELD_OUT)) {
                out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.2f%% | | | | | |%n", r.set(),
                        r.generator(), r.fidelity(), r.missing(), r.dependence(), 100 * r.impossible());
                continue;
            }
            out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.2f%% | %s | %.2f | %.2f | %.2f / %.2f | "
                    + "%.1f%% (%.1f%%, %.1f%%; %.1f%%) |%n", r.set(), r.generator(), r.fidelity(), r.missing(), r.dependence(),
                    100 * r.impossible(), r.learners(), r.ratio1(), r.ratio2(), r.syntheticP5(), r.holdoutP5(),
                    100 * r.copies(), 100 * r.holdoutCopies(), 100 * r.completeHoldoutCopies(),
                    100 * r.duplicates());
        }
        out.println();
        out.println("Targets for vae4j (impossible cells 0; ML efficacy ratio >= " + EFFICACY_TARGET + " for both "
                + "learners; distances below the independent marginals'; exact copies at most the complete held-out "
                + "rows' copy rate):");
        for (Row v : rows) {
            if (!v.generator().equals("vae4j")) {
                continue;
            }
            Row m = rows.stream().filter(r -> r.set().equals(v.set()) && r.generator().equals("marginals"))
                    .findFirst().orElseThrow();
            double copyReference = Double.isNaN(v.completeHoldoutCopies()) ? v.holdoutCopies() : v.completeHoldoutCopies();
            out.printf(Locale.ROOT, "- %s: impossible %s, efficacy %s, column distance %s, dependence %s, copies %s%n",
                    v.set(), verdict(v.impossible() == 0), verdict(Math.min(v.ratio1(), v.ratio2()) >= EFFICACY_TARGET),
                    verdict(v.fidelity() < m.fidelity()), verdict(v.dependence() < m.dependence()),
                    verdict(v.copies() <= copyReference));
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
