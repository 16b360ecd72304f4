package org.vae4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vae4j.cli.data.ImageShape;
import org.vae4j.cli.data.TableWriter;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vae4j reconstruct}: passes rows through the posterior mean and back (denoising, filling gaps). */
@Command(name = "reconstruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reconstruct rows through the model (missing cells come back filled in).")
final class ReconstructCommand implements Callable<Integer> {

    private static final int PICTURE_ROWS = 30;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "rows.csv|arff", description = "Where to write the rows.")
    private Path out;

    @Option(names = "--png", paramLabel = "pairs.png",
            description = "Also draw the first " + PICTURE_ROWS + " images beside their reconstructions.")
    private Path png;

    @Override
    public Integer call() throws Exception {
        new OutputFiles().input("--model", model.file()).inputs("--data", data.files()).output("--out", out)
                .output("--png", png).check();
        try (Vae vae = model.load()) {
            ImageShape shape = png == null ? null : ImageOutput.shapeOf(vae.schema());
            Table table = data.loadFor(vae.schema(), null).table(vae.schema());
            Table rebuilt = vae.reconstruct(table);
            TableWriter.write(rebuilt, out);
            spec.commandLine().getOut().printf("reconstructions: %s (%d rows)%n", out, rebuilt.rows());
            if (shape != null) {
                int[] first = java.util.stream.IntStream.range(0, Math.min(PICTURE_ROWS, table.rows())).toArray();
                ImageOutput.writePairs(table.select(first), rebuilt.select(first), shape, png);
                spec.commandLine().getOut().println("picture: " + png);
            }
        }
        return 0;
    }
}
