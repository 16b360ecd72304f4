package org.vae4j.tribuo;

import java.util.List;
import java.util.Random;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.vae.VaeConfig;

/** Small labelled data sets and fast trainer settings for the tests. */
final class Blobs {

    static final String[] FEATURES = {"f0", "f1", "f2", "f3", "f4", "f5"};

    private Blobs() {}

    /**
     * Gaussian clusters, one per label, in six correlated features: the labels are separable and two
     * latent dimensions describe the data well.
     *
     * @param counts the number of examples of each label "c0", "c1", ...
     */
    static MutableDataset<Label> labelled(long seed, int... counts) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", factory), factory);
        Random random = new Random(seed);
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                data.add(new ArrayExample<>(new Label("c" + c), FEATURES, point(c, random)));
            }
        }
        return data;
    }

    /** The same kind of points as regression examples with a meaningless target. */
    static MutableDataset<Regressor> unlabelled(long seed, int n) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", factory),
                factory);
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            data.add(new ArrayExample<>(new Regressor("y", i), FEATURES, point(i % 3, random)));
        }
        return data;
    }

    private static double[] point(int cluster, Random random) {
        double a = 3.0 * cluster + random.nextGaussian() * 0.5;
        double b = (cluster % 2 == 0 ? 2.0 : -2.0) + random.nextGaussian() * 0.5;
        return new double[] {a, b, a + b + 0.1 * random.nextGaussian(), a - b + 0.1 * random.nextGaussian(),
                2 * a + 0.1 * random.nextGaussian(), -b + 0.1 * random.nextGaussian()};
    }

    /** A small, fast, CPU-only VAE configuration. */
    static VaeConfig config(long seed) {
        return VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(15).batchSize(32).learningRate(1e-2)
                .device(DeviceChoice.CPU).seed(seed).build();
    }

    /** A barely trained VAE, for tests that compare models rather than judge them. */
    static VaeConfig quickConfig(long seed) {
        return VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(2).batchSize(32).learningRate(1e-2)
                .device(DeviceChoice.CPU).seed(seed).build();
    }
}
