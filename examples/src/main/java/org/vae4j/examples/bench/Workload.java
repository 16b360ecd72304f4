package org.vae4j.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.examples.IdxFiles;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.VaeConfig;

/**
 * The shared reference workload of torch_vae.py and its variants: Fashion-MNIST pixels in [0, 1] as
 * Bernoulli targets, no standardisation, Adam, CPU; the options every benchmark program shares
 * ({@code --epochs --train-limit --batch --hidden --latent --lr --seed --threads --data-dir}) have the
 * same names and defaults as the reference script's.
 *
 * @param dataDir directory with the IDX files
 * @param trainLimit the most training images to use, -1 for all
 * @param epochs epochs to train
 * @param batch mini-batch size
 * @param hidden encoder widths (the decoder mirrors them)
 * @param latent latent dimensions
 * @param learningRate Adam's step size
 * @param seed the seed
 * @param threads PyTorch intra-op threads
 */
public record Workload(Path dataDir, int trainLimit, int epochs, int batch, List<Integer> hidden, int latent,
        double learningRate, long seed, int threads) {

    /** Pixels per Fashion-MNIST image. */
    public static final int PIXELS = 784;

    /** Declares the shared options on {@code options}, with this program's default epochs and row limit. */
    public static BenchOptions declare(BenchOptions options, int defaultEpochs, String defaultTrainLimit) {
        return options
                .option("--epochs", Integer.toString(defaultEpochs), "epochs to train")
                .option("--train-limit", defaultTrainLimit, "use only the first N training images ('all' for 60k)")
                .option("--batch", "128", "mini-batch size")
                .option("--hidden", "400", "encoder widths, e.g. 512,256 (decoder mirrored)")
                .option("--latent", "20", "latent dimensions")
                .option("--lr", "0.001", "Adam learning rate")
                .option("--seed", "42", "random seed")
                .option("--threads", "2", "PyTorch intra-op threads")
                .option("--data-dir", "/usr/share/datasets/fashion-mnist", "directory of the IDX files");
    }

    /**
     * Reads the shared options and sets the engine's thread count (which must happen before the engine
     * starts; an explicit -Dai.djl.pytorch.num_threads wins).
     *
     * @throws IllegalArgumentException for a bad option or a data directory without the IDX files
     */
    public static Workload from(BenchOptions o) {
        String limit = o.text("--train-limit").trim();
        Workload w = new Workload(Path.of(o.text("--data-dir")),
                limit.equalsIgnoreCase("all") ? -1 : o.positiveInt("--train-limit"),
                o.positiveInt("--epochs"), o.positiveInt("--batch"), o.positiveInts("--hidden"),
                o.positiveInt("--latent"), o.positiveReal("--lr"), o.integer("--seed"), o.positiveInt("--threads"));
        if (w.hidden().isEmpty()) {
            throw new IllegalArgumentException("option --hidden needs at least one width");
        }
        requireImages(w.dataDir());
        useThreads(w.threads());
        return w;
    }

    /**
     * Checks that {@code dataDir} holds the Fashion-MNIST training and test images.
     *
     * @throws IllegalArgumentException naming --data-dir and the missing file
     */
    static void requireImages(Path dataDir) {
        for (String file : List.of(trainFile(), testFile())) {
            if (!Files.isReadable(dataDir.resolve(file))) {
                throw new IllegalArgumentException("option --data-dir: " + dataDir.resolve(file)
                        + " is missing (install Debian's dataset-fashion-mnist or point --data-dir elsewhere)");
            }
        }
    }

    /** Sets the engine's thread count, which must happen before it starts; an explicit system property wins. */
    static void useThreads(int threads) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
    }

    /** The same workload with other epochs and batch size. */
    public Workload with(int newEpochs, int newBatch) {
        return new Workload(dataDir, trainLimit, newEpochs, newBatch, hidden, latent, learningRate, seed, threads);
    }

    /** The VAE configuration of this workload. */
    public VaeConfig config() {
        return VaeConfig.builder()
                .latentDim(latent)
                .hidden(hidden)
                .numericLikelihood(NumericLikelihood.BERNOULLI)
                .standardize(false)
                .epochs(epochs)
                .batchSize(batch)
                .learningRate(learningRate)
                .seed(seed)
                .device(DeviceChoice.CPU)
                .build();
    }

    /** The training images (up to the limit), off the Java heap. */
    public IdxFiles.OffHeapImages trainImages() throws IOException {
        return IdxFiles.readImagesOffHeap(dataDir.resolve(trainFile()), trainLimit);
    }

    /** The 10k test images, off the Java heap. */
    public IdxFiles.OffHeapImages testImages() throws IOException {
        return IdxFiles.readImagesOffHeap(dataDir.resolve(testFile()), -1);
    }

    /** The text of the header line every program prints first. */
    public String describe(String peer, int trainRows) {
        return String.format("peer=%s n_train=%d batch=%d lr=%s seed=%d threads=%d hidden=%s latent=%d", peer,
                trainRows, batch, learningRate, seed, threads,
                String.join(",", hidden.stream().map(String::valueOf).toList()), latent);
    }

    /** The training images' file name. */
    static String trainFile() {
        return "train-images-idx3-ubyte.gz";
    }

    /** The test images' file name. */
    static String testFile() {
        return "t10k-images-idx3-ubyte.gz";
    }
}
