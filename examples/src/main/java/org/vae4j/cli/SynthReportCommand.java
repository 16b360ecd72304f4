package org.vae4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.vae4j.cli.data.DataException;
import org.vae4j.cli.data.TextFile;
import org.vae4j.cli.report.Json;
import org.vae4j.examples.synth.EmbeddingPicture;
import org.vae4j.examples.synth.HistogramPicture;
import org.vae4j.examples.synth.HoldoutSplit;
import org.vae4j.examples.synth.SynthFiles;
import org.vae4j.examples.synth.SynthReport;
import org.vae4j.examples.synth.SynthTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vae4j synth-report}: measures synthetic rows against the real rows they were generated from (fidelity,
 * dependence, impossible values, machine-learning efficacy on held-out rows, privacy) and writes the report as
 * JSON, optionally with pictures.
 */
@Command(name = "synth-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure synthetic rows against real ones and write a JSON report.")
final class SynthReportCommand implements Callable<Integer> {

    /** The share of the real rows held out when no --holdout file is given. */
    static final double HOLDOUT_FRACTION = 0.3;
    static final String HISTOGRAMS = "histograms.png";
    static final String EMBEDDING = "embedding.png";

    @Spec
    private CommandSpec spec;

    @Option(names = "--real", required = true, paramLabel = "FILE",
            description = "The real rows the generator learned from (CSV or ARFF).")
    private Path real;

    @Option(names = "--synthetic", required = true, paramLabel = "FILE", description = "The synthetic rows.")
    private Path synthetic;

    @Option(names = "--holdout", paramLabel = "FILE", description = "Real rows the generator did not see; without "
            + "it, " + (int) (100 * HOLDOUT_FRACTION) + "% of --real is held out (stratified, --split-seed), which "
            + "the generator may have seen.")
    private Path holdout;

    @Option(names = "--class", required = true, paramLabel = "COL",
            description = "The class column (nominal: classification; numeric: regression).")
    private String classColumn;

    @Option(names = "--split-seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the split without --holdout (default ${DEFAULT-VALUE}).")
    private long splitSeed;

    @Option(names = "--out", required = true, paramLabel = "report.json", description = "Where to write the report.")
    private Path out;

    @Option(names = "--png", paramLabel = "DIR",
            description = "Also draw " + HISTOGRAMS + " (every column, real vs synthetic) and " + EMBEDDING
                    + " (PCA of both) into this folder.")
    private Path png;

    @Override
    public Integer call() throws Exception {
        OutputFiles files = new OutputFiles().input("--real", real).input("--synthetic", synthetic)
                .output("--out", out).outputsIn("--png", png, List.of(HISTOGRAMS, EMBEDDING));
        if (holdout != null) {
            files.input("--holdout", holdout);
        }
        files.check();
        SynthTable realRows = SynthFiles.readReal(real, classColumn);
        int classIndex = realRows.indexOf(classColumn);
        SynthTable syntheticRows = SynthFiles.readLike(synthetic, realRows.columns(), "--synthetic");
        SynthTable training;
        SynthTable heldOut;
        String note;
        if (holdout != null) {
            training = realRows;
            heldOut = SynthFiles.readLike(holdout, realRows.columns(), "--holdout");
            note = "--holdout " + holdout;
        } else {
            HoldoutSplit split = split(realRows, classIndex);
            training = split.training();
            heldOut = split.holdout();
            note = (int) (100 * HOLDOUT_FRACTION) + "% of --real held out (stratified by class, seed " + splitSeed
                    + "); if the generator learned from all of --real, it has seen these rows";
        }
        SynthReport report = SynthReport.measure(training, syntheticRows, heldOut, classIndex, note);
        String json = Json.write(report.toMap());
        TextFile.write(out, w -> w.write(json));
        spec.commandLine().getOut().printf("report: %s (mean column distance %.3f, impossible cells %.2f%%)%n", out,
                report.meanFidelity(), 100 * report.impossible().share());
        if (png != null) {
            HistogramPicture.write(training, syntheticRows, png.resolve(HISTOGRAMS));
            EmbeddingPicture.write(training, syntheticRows, png.resolve(EMBEDDING));
            spec.commandLine().getOut().println("pictures: " + png.resolve(HISTOGRAMS) + ", " + png.resolve(EMBEDDING));
        }
        return 0;
    }

    private HoldoutSplit split(SynthTable rows, int classIndex) {
        try {
            return HoldoutSplit.of(rows, classIndex, HOLDOUT_FRACTION, splitSeed);
        } catch (IllegalArgumentException e) {
            throw new DataException("--real " + real + ": " + e.getMessage() + "; give --holdout");
        }
    }
}
