package org.vae4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vae4j.cli.data.Dataset;
import org.vae4j.cli.data.LatentsCsv;
import org.vae4j.data.Column;
import org.vae4j.vae.Posterior;
import org.vae4j.vae.Vae;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vae4j encode}: writes each row's posterior mean (and standard deviation) as CSV. */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Encode rows to their latent posterior means (z0, z1, ...) as CSV.")
final class EncodeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "latents.csv", description = "Where to write the latents.")
    private Path out;

    @Option(names = "--with-std", description = "Also write the posterior standard deviations (z0_std, ...).")
    private boolean withStd;

    @Option(names = "--class", paramLabel = "COLUMN",
            description = "Copy this column of the data into the output (default: a conditional model's condition, IDX labels).")
    private String classColumn;

    @Override
    public Integer call() throws Exception {
        new OutputFiles().input("--model", model.file()).inputs("--data", data.files())
                .csvOutput("--out", out, "encode").check();
        try (Vae vae = model.load()) {
            String wanted = classColumn != null ? classColumn : vae.schema().condition().map(Column::name).orElse(null);
            Dataset dataset = data.loadFor(vae.schema(), wanted);
            String label = wanted != null ? wanted : dataset.defaultClass().orElse(null);
            Posterior posterior = vae.encode(dataset.table(vae.schema()));
            LatentsCsv.write(out, posterior, withStd, label == null ? null : dataset.classLabels(label));
            spec.commandLine().getOut().printf("latents: %s (%d rows, M = %d)%n", out, posterior.rows(), vae.latentDim());
        }
        return 0;
    }
}
