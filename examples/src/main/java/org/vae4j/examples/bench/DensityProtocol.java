package org.vae4j.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.vae4j.data.Table;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.examples.IdxFiles;
import org.vae4j.nn.HiddenLayer;
import org.vae4j.nn.WeightInit;
import org.vae4j.preprocess.Binarization;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;

/**
 * The density-estimation protocol of the PyTorch reference script torch_density.py (the VampPrior and Exemplar-VAE
 * tables): dynamically binarized Fashion-MNIST, the first 50k training images to train and the last 10k to
 * validate, t10k to test; gated 784-300-300 networks with He-normal weights and a log-variance clamp,
 * 40 latents, Adam 5e-4, batch 100, KL warm-up, early stopping on the validation loss, test NLL by
 * importance sampling. Its options have the reference script's names and defaults, plus the components:
 * {@code --prior}, {@code --guide} and {@code --objective} take component specs ({@code id:key=value,...})
 * that go to vae4j's configuration as they are, so a variant (a VampPrior, a flow guide, an IWAE objective) is
 * benchmarked as soon as vae4j knows it, without a change here.
 *
 * @param dataDir directory with the IDX files
 * @param trainLimit the most training images (of the first 50k) to use, -1 for all
 * @param testLimit the most test images to score, -1 for all 10k
 * @param epochs the most epochs to train
 * @param warmup epochs over which the KL weight rises to 1
 * @param patience epochs without a better validation loss before stopping
 * @param batch mini-batch size
 * @param learningRate Adam's step size
 * @param samples importance samples per test image
 * @param seed the seed
 * @param threads PyTorch intra-op threads
 * @param prior the prior's spec
 * @param guide the guide's spec
 * @param objective the training objective's spec
 */
public record DensityProtocol(Path dataDir, int trainLimit, int testLimit, int epochs, int warmup, int patience,
        int batch, double learningRate, int samples, long seed, int threads, String prior, String guide,
        String objective) {

    /** Training images of the protocol; the rest of the 60k validate. */
    public static final int TRAIN_IMAGES = 50_000;
    /** Latent dimensions. */
    public static final int LATENT = 40;
    /** Hidden widths of both networks. */
    public static final List<Integer> HIDDEN = List.of(300, 300);
    /** The seed the validation and test images are binarized with, once. */
    public static final long EVALUATION_BINARIZATION_SEED = 777;

    /** Declares the protocol's options, with the reference script's defaults. */
    public static BenchOptions declare(BenchOptions options) {
        return options
                .option("--prior", "normal", "prior spec: normal, or a vae4j prior such as vamp:K=500")
                .option("--guide", "gaussian", "guide spec: gaussian, or a vae4j guide such as iaf:flows=4")
                .option("--objective", "mc-elbo", "training objective: mc-elbo (the protocol's), elbo (analytic KL), "
                        + "iwae:k=5, or another vae4j objective spec")
                .option("--epochs", "2000", "most epochs to train")
                .option("--warmup", "100", "epochs of KL warm-up")
                .option("--patience", "50", "epochs without a better validation loss before stopping")
                .option("--batch", "100", "mini-batch size")
                .option("--lr", "0.0005", "Adam learning rate")
                .option("--samples", "5000", "importance samples per test image")
                .option("--train-limit", "all", "use only the first N of the 50k training images")
                .option("--test-limit", "all", "score only the first N test images")
                .option("--seed", "42", "random seed")
                .option("--threads", "2", "PyTorch intra-op threads")
                .option("--data-dir", "/usr/share/datasets/fashion-mnist", "directory of the IDX files");
    }

    /**
     * Reads the options and sets the engine's thread count (before the engine starts; an explicit
     * -Dai.djl.pytorch.num_threads wins).
     *
     * @throws IllegalArgumentException naming the option for a bad value or missing data
     */
    public static DensityProtocol from(BenchOptions o) {
        DensityProtocol p = new DensityProtocol(Path.of(o.text("--data-dir")), limit(o, "--train-limit"),
                limit(o, "--test-limit"), o.positiveInt("--epochs"), nonNegative(o, "--warmup"),
                o.positiveInt("--patience"), o.positiveInt("--batch"), o.positiveReal("--lr"),
                o.positiveInt("--samples"), o.integer("--seed"), o.positiveInt("--threads"),
                o.text("--prior"), o.text("--guide"), o.text("--objective"));
        Workload.requireImages(p.dataDir());
        p.config(); // a component vae4j does not know fails here, before any data is read
        Workload.useThreads(p.threads());
        return p;
    }

    private static int limit(BenchOptions o, String name) {
        return o.text(name).trim().equalsIgnoreCase("all") ? -1 : o.positiveInt(name);
    }

    private static int nonNegative(BenchOptions o, String name) {
        long v = o.integer(name);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("option " + name + " must be an integer >= 0, got " + v);
        }
        return (int) v;
    }

    /**
     * The vae4j configuration of the protocol with this run's components.
     *
     * @throws IllegalArgumentException naming the option whose component vae4j does not know
     */
    public VaeConfig config() {
        VaeConfig.Builder builder = VaeConfig.builder()
                .latentDim(LATENT)
                .hidden(HIDDEN)
                .hiddenLayer(HiddenLayer.GATED)
                .weightInit(WeightInit.HE_NORMAL)
                .clampLogVariance(true)
                .numericLikelihood(NumericLikelihood.BERNOULLI)
                .standardize(false)
                .dynamicBinarization(true)
                .epochs(epochs)
                .batchSize(batch)
                .learningRate(learningRate)
                .warmupEpochs(warmup)
                .patience(patience)
                .seed(seed)
                .device(DeviceChoice.CPU);
        component("--objective", () -> builder.objective(objective));
        component("--prior", () -> builder.prior(prior));
        component("--guide", () -> builder.guide(guide));
        return builder.build();
    }

    /** The same protocol trained with another objective spec. */
    public DensityProtocol withObjective(String spec) {
        return new DensityProtocol(dataDir, trainLimit, testLimit, epochs, warmup, patience, batch, learningRate, samples,
                seed, threads, prior, guide, spec);
    }

    /** Applies a component setting, naming the bench option when vae4j refuses it. */
    private static void component(String option, Runnable setting) {
        try {
            setting.run();
        } catch (InvalidOptionException e) {
            throw new IllegalArgumentException("option " + option + ": " + e.getMessage(), e);
        }
    }

    /** The training images: the first 50k of the training file, up to the limit, as grey levels. */
    public Table trainImages() throws IOException {
        int n = trainLimit < 0 ? TRAIN_IMAGES : Math.min(trainLimit, TRAIN_IMAGES);
        return IdxFiles.readImagesOffHeap(dataDir.resolve(Workload.trainFile()), n).table();
    }

    /** The validation images: the last 10k of the training file, binarized once. */
    public Table validationImages() throws IOException {
        IdxFiles.OffHeapImages all = IdxFiles.readImagesOffHeap(dataDir.resolve(Workload.trainFile()), -1);
        return Binarization.once(all.rows(TRAIN_IMAGES, all.count() - TRAIN_IMAGES), EVALUATION_BINARIZATION_SEED);
    }

    /** The test images, up to the limit, binarized once. */
    public Table testImages() throws IOException {
        return Binarization.once(IdxFiles.readImagesOffHeap(dataDir.resolve(Workload.testFile()), testLimit).table(),
                EVALUATION_BINARIZATION_SEED + 1);
    }

    /** The header line's settings. */
    public String describe() {
        return String.format("prior=%s guide=%s objective=%s batch=%d lr=%s warmup=%d patience=%d samples=%d seed=%d "
                + "threads=%d", prior, guide, objective, batch, learningRate, warmup, patience, samples, seed, threads);
    }
}
