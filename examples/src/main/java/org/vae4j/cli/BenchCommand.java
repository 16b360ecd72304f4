package org.vae4j.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.vae4j.cli.demo.DemoData;
import org.vae4j.examples.ReferenceBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vae4j bench}: the reference workload of shared/bench (Fashion-MNIST, 784-400-20, Adam 1e-3, batch
 * 128), printing {@code epoch ...} and {@code SUMMARY ...} lines to compare with torch_vae.py's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the reference benchmark workload; prints lines comparable with torch_vae.py's.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "Epochs (default ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "-1", description = "Training images (default: all).")
    private int trainLimit;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "Batch size (default ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-3", description = "Learning rate (default ${DEFAULT-VALUE}).")
    private String lr;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = DemoData.SYSTEM_DIR,
            description = "Folder of the Fashion-MNIST IDX gz files (default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path images = dataDir.resolve("train-images-idx3-ubyte.gz");
        if (!Files.isRegularFile(images)) {
            throw new NoSuchFileException(images + " (install Debian's dataset-fashion-mnist or give --data-dir)");
        }
        List<String> args = new ArrayList<>(List.of("--epochs", Integer.toString(epochs), "--batch",
                Integer.toString(batch), "--lr", lr, "--seed", Long.toString(seed), "--data-dir", dataDir.toString()));
        if (trainLimit > 0) {
            args.addAll(List.of("--train-limit", Integer.toString(trainLimit)));
        }
        ReferenceBenchmark.main(args.toArray(new String[0]));
        return 0;
    }
}
