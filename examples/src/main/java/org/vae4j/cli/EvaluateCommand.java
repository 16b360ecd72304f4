package org.vae4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.vae4j.cli.data.CsvOutput;
import org.vae4j.cli.progress.RowProgress;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vae4j evaluate}: the ELBO and the importance-sampled log-likelihood of data under a model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "ELBO and importance-sampled log-likelihood (nats) per row and in total.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOptions data;

    /** The most importance samples per row: already 5,000 give a tight estimate, and time grows with k. */
    static final int MAX_K = 100_000;

    /** The least time between two progress lines of the log-likelihood. */
    private static final double PROGRESS_SECONDS = 10;

    @Option(names = "--k", paramLabel = "K", defaultValue = "100",
            description = "Importance samples per row for the log-likelihood, 1 to " + MAX_K
                    + " (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "rows.csv", description = "Write each row's ELBO and log-likelihood here.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (k < 1 || k > MAX_K) {
            throw new CliException("--k must be between 1 and " + MAX_K + " (importance samples per row; time grows "
                    + "with k and a few thousand already give a tight estimate), got " + k);
        }
        new OutputFiles().input("--model", model.file()).inputs("--data", data.files())
                .csvOutput("--out", out, "evaluate").check();
        try (Vae vae = model.load()) {
            Table table = data.loadFor(vae.schema(), null).table(vae.schema());
            ScoreNames names = ScoreNames.of(vae);
            if (names.note() != null) {
                spec.commandLine().getErr().println("evaluate: note: " + names.note());
            }
            double[] elbo = vae.elbo(table, seed);
            double[] logLikelihood = vae.logLikelihood(table, k, seed, new RowProgress(spec.commandLine().getErr(),
                    names.logLikelihood() + " (k=" + k + ")", table.rows(), PROGRESS_SECONDS));
            if (out != null) {
                CsvOutput.write(out, List.of("row", names.elbo(), names.logLikelihood()), csv -> {
                    for (int r = 0; r < elbo.length; r++) {
                        csv.row(List.of(Integer.toString(r + 1), Double.toString(elbo[r]),
                                Double.toString(logLikelihood[r])));
                    }
                });
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("rows: %d%n", table.rows());
            stdout.printf("%s: mean %.4f total %.4f%n", names.elbo(), Stats.mean(elbo), Stats.sum(elbo));
            stdout.printf("%s (k=%d): mean %.4f total %.4f%n", names.logLikelihood(), k, Stats.mean(logLikelihood),
                    Stats.sum(logLikelihood));
            if (out != null) {
                stdout.println("per row: " + out);
            }
        }
        return 0;
    }
}
