package org.vae4j.cli;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.vae4j.cli.data.ImageShape;
import org.vae4j.cli.data.TableWriter;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vae4j generate}: draws new rows from the model (of one class, for a conditional model). */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate new rows from a model, as CSV or ARFF (by the --out extension).")
final class GenerateCommand implements Callable<Integer> {

    /** Rows generated and written at a time, so that any number of rows fits in memory. */
    static final int CHUNK_ROWS = 1000;
    /** Rows drawn by --png. */
    private static final int PICTURE_ROWS = 100;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Option(names = {"-n", "--count"}, required = true, paramLabel = "N", description = "Number of rows.")
    private long count;

    @Option(names = "--class", paramLabel = "LABEL", description = "Class of the rows (conditional models only).")
    private String label;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "samples.csv|arff", description = "Where to write the rows.")
    private Path out;

    @Option(names = "--png", paramLabel = "grid.png",
            description = "Also draw the first " + PICTURE_ROWS + " rows as a grid of images.")
    private Path png;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new CliException("-n must be at least 1, got " + count);
        }
        new OutputFiles().input("--model", model.file()).output("--out", out).output("--png", png).check();
        try (Vae vae = model.load()) {
            ImageShape shape = png == null ? null : ImageOutput.shapeOf(vae.schema());
            Iterator<Table> chunks = label == null ? vae.generateInChunks(count, seed, CHUNK_ROWS)
                    : vae.generateInChunks(count, model.conditionLevel(vae, label), seed, CHUNK_ROWS);
            Table first = chunks.next();
            Iterator<Table> all = Stream.concat(Stream.of(first),
                    StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED), false))
                    .iterator();
            TableWriter.write(vae.schema(), all, out);
            spec.commandLine().getOut().printf("samples: %s (%d rows)%n", out, count);
            if (shape != null) {
                ImageOutput.write(first.select(IntStream.range(0, Math.min(PICTURE_ROWS, first.rows())).toArray()),
                        shape, png);
                spec.commandLine().getOut().println("picture: " + png);
            }
        }
        return 0;
    }
}
