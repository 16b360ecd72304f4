package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.vae4j.data.Table;
import org.vae4j.vae.LatentTraversal;
import org.vae4j.vae.TraversalGrid;
import org.vae4j.vae.Vae;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vae4j traverse}: draws the latent traversals of one row, to see what each latent dimension encodes. */
@Command(name = "traverse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw latent traversals as a PNG: one picture row per latent dimension (z0, z1, ...), "
            + "decoding a code with that dimension swept over --range in --steps steps and the others held.",
            "The code is the posterior mean of row --row of --data (decoded with that row's class, for a "
                + "conditional model). Without --data it is the code 0, the mean of the standard-normal prior "
                + "(a conditional model then needs --class).",
            "Image rows (a square number, at least 64, of numeric columns) are drawn as pictures; other rows as "
                + "one small chart per column of the decoded value against the step, each column on one scale "
                + "(its range printed under its name).",
            "Example: vae4j traverse --model m.vae --data d.csv --row 5 --png t.png"})
final class TraverseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @ArgGroup(exclusive = false)
    private DataOptions data;

    @Option(names = "--row", paramLabel = "N",
            description = "The row of --data to traverse, counted from 1 (default 1).")
    private Integer row;

    @Option(names = "--class", paramLabel = "LABEL",
            description = "Without --data: the class to decode with (conditional models only).")
    private String label;

    @Option(names = "--steps", paramLabel = "K", defaultValue = "9",
            description = "Values per dimension, at least 2 (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--range", paramLabel = "FROM,TO", split = ",", hideParamSyntax = true, defaultValue = "-3,3",
            description = "The values each dimension is swept over (default ${DEFAULT-VALUE}).")
    private double[] range;

    @Option(names = "--png", required = true, paramLabel = "grid.png", description = "Where to draw the traversals.")
    private Path png;

    @Override
    public Integer call() throws Exception {
        TraversalGrid grid = grid();
        OutputFiles files = new OutputFiles().input("--model", model.file());
        if (data != null) {
            files.inputs("--data", data.files());
        } else if (row != null) {
            throw new CliException("--row picks a row of --data; give --data FILE too");
        }
        files.output("--png", png).check();
        try (Vae vae = model.load()) {
            LatentTraversal traversal = data != null ? ofRow(vae, grid) : ofPriorMean(vae, grid);
            ImageOutput.writeTraversal(traversal, vae.schema(), png);
            spec.commandLine().getOut().printf("traversals: %s (%d latent dimensions x %d steps over [%s, %s])%n",
                    png, traversal.dimensions(), grid.steps(), grid.from(), grid.to());
        }
        return 0;
    }

    private TraversalGrid grid() {
        if (range.length != 2) {
            throw new CliException("--range takes two numbers FROM,TO, got " + range.length);
        }
        try {
            return new TraversalGrid(range[0], range[1], steps);
        } catch (IllegalArgumentException e) {
            throw new CliException("--range " + range[0] + "," + range[1] + " --steps " + steps + ": "
                    + e.getMessage());
        }
    }

    private LatentTraversal ofRow(Vae vae, TraversalGrid grid) throws IOException {
        if (label != null) {
            throw new CliException("--class applies only without --data: a row of --data is decoded with its own "
                    + "class");
        }
        Table table = data.loadFor(vae.schema(), null).table(vae.schema());
        int n = row == null ? 1 : row;
        if (n < 1 || n > table.rows()) {
            throw new CliException("--row " + n + ": " + data.file + " has " + table.rows()
                    + " rows (counted from 1)");
        }
        return vae.traverse(table, n - 1, grid);
    }

    private LatentTraversal ofPriorMean(Vae vae, TraversalGrid grid) {
        double[] zero = new double[vae.latentDim()];
        if (label != null) {
            return vae.traverse(zero, model.conditionLevel(vae, label), grid);
        }
        if (vae.isConditional()) {
            throw new CliException("a conditional model needs --class LABEL to decode the code 0 with, or "
                    + "--data FILE to traverse a row");
        }
        return vae.traverse(zero, grid);
    }
}
