package org.vae4j.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;

/**
 * The shared reference workload of torch_vae.py (Fashion-MNIST, 784-400-20, Bernoulli, Adam 1e-3, batch 128)
 * trained with vae4j, printing the same {@code epoch ...} and {@code SUMMARY ...} lines as torch_vae.py so
 * the two can be compared line by line.
 */
public final class ReferenceBenchmark {

    private ReferenceBenchmark() {}

    /** Options: --epochs N --train-limit N --batch B --lr LR --seed S --data-dir DIR --hidden 400 --latent 20. */
    public static void main(String[] args) throws Exception {
        int epochs = 2;
        int limit = -1;
        int batch = 128;
        double lr = 1e-3;
        long seed = 42;
        String hidden = "400";
        int latent = 20;
        Path dir = Path.of("/usr/share/datasets/fashion-mnist");
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--train-limit" -> limit = Integer.parseInt(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--lr" -> lr = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--data-dir" -> dir = Path.of(v);
                case "--hidden" -> hidden = v;
                case "--latent" -> latent = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        IdxFiles.OffHeapImages train = IdxFiles.readImagesOffHeap(dir.resolve("train-images-idx3-ubyte.gz"), limit);
        IdxFiles.OffHeapImages test = IdxFiles.readImagesOffHeap(dir.resolve("t10k-images-idx3-ubyte.gz"), -1);
        Schema schema = Schema.numeric("pixel", train.width());
        Table trainTable = Table.ofNumeric(schema, train.pixels(), null);
        Table testTable = Table.ofNumeric(schema, test.pixels(), null);
        VaeConfig config = VaeConfig.builder()
                .latentDim(latent)
                .hidden(VaeConfig.parseLayers("hidden", hidden))
                .numericLikelihood(NumericLikelihood.BERNOULLI)
                .standardize(false)
                .epochs(epochs)
                .batchSize(batch)
                .learningRate(lr)
                .seed(seed)
                .device(DeviceChoice.CPU)
                .build();
        System.out.printf("peer=vae4j n_train=%d n_test=%d batch=%d lr=%s seed=%d%n", train.count(), test.count(),
                batch, lr, seed);
        List<Double> seconds = new ArrayList<>();
        double[] lastElbo = {Double.NaN};
        TrainingListener printer = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                seconds.add(r.seconds());
                System.out.printf("epoch %d train_seconds=%.3f samples_per_sec=%.1f train_loss=%.3f rss_mib=%d%n",
                        r.epoch(), r.seconds(), r.samplesPerSecond(), r.trainLoss(), rssMib());
            }
        };
        try (Vae vae = new VaeTrainer(config).listener(printer).fit(trainTable)) {
            double[] elbo = vae.elbo(testTable, seed + 1000);
            double sum = 0;
            for (double e : elbo) {
                sum += e;
            }
            lastElbo[0] = sum / elbo.length;
            List<Double> sorted = new ArrayList<>(seconds);
            sorted.sort(null);
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            System.out.printf("SUMMARY peer=vae4j epochs=%d median_epoch_seconds=%.3f samples_per_sec=%.1f test_elbo=%.3f%n",
                    epochs, median, train.count() / median, lastElbo[0]);
        }
    }

    static long rssMib() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
