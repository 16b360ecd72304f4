package org.vae4j.examples.tribuo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;
import org.vae4j.examples.IdxFiles;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.tribuo.AbsentFeatures;
import org.vae4j.tribuo.VaeBalancingTrainer;
import org.vae4j.tribuo.VaeFeatureTrainer;
import org.vae4j.tribuo.VaeTransformTrainer;
import org.vae4j.tribuo.VaeTransformedModel;
import org.vae4j.vae.VaeConfig;

/**
 * The two comparisons of the Tribuo adapter, all with Tribuo's own logistic regression:
 * <ol>
 *   <li>dimensionality reduction on a Fashion-MNIST subset: accuracy on the 784 raw pixels, on 20 VAE
 *       latents, and on the 20 leading principal components (the classic baseline);</li>
 *   <li>class balancing on an imbalanced set (the diabetes data with most positives dropped from the
 *       training split): minority-class F1 without and with the conditional-VAE balancing wrapper.</li>
 * </ol>
 * Logistic regression sees standardised features in the balancing comparison (the diabetes measurements
 * differ in scale by three orders of magnitude). Arguments (all optional): which comparison
 * ({@code features}, {@code balancing} or {@code all}, the default), the Fashion-MNIST directory (default
 * /usr/share/datasets/fashion-mnist), the number of training and test images (default 5000 and 1000).
 */
public final class TribuoComparisons {

    private static final int COMPONENTS = 20;

    private TribuoComparisons() {}

    /** Runs both comparisons and prints their numbers. */
    public static void main(String[] args) throws IOException {
        String which = args.length > 0 ? args[0] : "all";
        Path dir = Path.of(args.length > 1 ? args[1] : "/usr/share/datasets/fashion-mnist");
        int trainCount = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int testCount = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        if (!which.equals("balancing")) {
            compareFeatures(dir, trainCount, testCount);
        }
        if (!which.equals("features")) {
            compareBalancing();
        }
    }

    private static void compareFeatures(Path dir, int trainCount, int testCount) throws IOException {
        MutableDataset<Label> train = images(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), trainCount, "fashion-train");
        MutableDataset<Label> test = images(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), testCount, "fashion-test");
        LabelEvaluator evaluator = new LabelEvaluator();

        double raw = evaluator.evaluate(new LogisticRegressionTrainer().train(train), test).accuracy();

        VaeConfig config = VaeConfig.builder().latentDim(COMPONENTS).hidden(List.of(256))
                .numericLikelihood(NumericLikelihood.BERNOULLI).epochs(30).batchSize(128).learningRate(1e-3)
                .seed(7).build();
        VaeTransformTrainer<Label> vaeTrainer = new VaeTransformTrainer<>(new VaeFeatureTrainer(config),
                new LogisticRegressionTrainer());
        double latent;
        try (VaeTransformedModel<Label> model = vaeTrainer.train(train)) {
            latent = evaluator.evaluate(model, test).accuracy();
        }

        PrincipalComponents pca = PrincipalComponents.fit(train, COMPONENTS);
        double principal = evaluator.evaluate(new LogisticRegressionTrainer().train(pca.project(train)),
                pca.project(test)).accuracy();

        System.out.printf("Fashion-MNIST (%d train / %d test), Tribuo logistic regression accuracy:%n",
                train.size(), test.size());
        System.out.printf("  784 raw pixels        %.4f%n", raw);
        System.out.printf("  %d VAE latents         %.4f  (%.1f%% of raw)%n", COMPONENTS, latent, 100 * latent / raw);
        System.out.printf("  %d principal comps.    %.4f  (%.1f%% of raw)%n", COMPONENTS, principal,
                100 * principal / raw);
    }

    private static MutableDataset<Label> images(Path imageFile, Path labelFile, int limit, String name)
            throws IOException {
        IdxFiles.Images images = IdxFiles.readImages(imageFile, limit);
        int[] labels = IdxFiles.readLabels(labelFile, limit);
        int width = images.width();
        String[] names = new String[width];
        for (int j = 0; j < width; j++) {
            names[j] = String.format("px%03d", j);
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(name, factory), factory);
        for (int i = 0; i < images.count(); i++) {
            double[] values = new double[width];
            for (int j = 0; j < width; j++) {
                values[j] = images.pixels()[i * width + j];
            }
            data.add(new ArrayExample<>(new Label(Integer.toString(labels[i])), names, values));
        }
        return data;
    }

    private static void compareBalancing() throws IOException {
        MutableDataset<Label> all = new MutableDataset<>(
                new CSVLoader<>(new LabelFactory()).loadDataSource(TribuoPipeline.bundledCsv(), "class"));
        List<Example<Label>> examples = new ArrayList<>();
        all.forEach(examples::add);
        Collections.shuffle(examples, new Random(3));
        MutableDataset<Label> train = new MutableDataset<>(all.getProvenance(), all.getOutputFactory());
        MutableDataset<Label> test = new MutableDataset<>(all.getProvenance(), all.getOutputFactory());
        int positivesKept = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example<Label> e = examples.get(i);
            if (i % 3 == 0) {
                test.add(e);
            } else if (!e.getOutput().getLabel().equals(MINORITY) || positivesKept++ % 4 == 0) {
                train.add(e); // keep a quarter of the training positives: about 1 positive to 7 negatives
            }
        }
        Label minority = new Label(MINORITY);
        LabelEvaluator evaluator = new LabelEvaluator();
        Model<Label> plain = standardisedLogistic().train(train);
        LabelEvaluation without = evaluator.evaluate(plain, test);

        VaeConfig config = VaeConfig.builder().latentDim(4).hidden(List.of(32)).epochs(100).batchSize(32)
                .learningRate(3e-3).seed(11).build();
        VaeFeatureTrainer conditional = new VaeFeatureTrainer(config, true, false, AbsentFeatures.ZERO);
        Model<Label> balanced = new VaeBalancingTrainer(conditional, standardisedLogistic(), 1.0, 5)
                .train(train);
        LabelEvaluation with = evaluator.evaluate(balanced, test);

        System.out.printf("Diabetes, imbalanced training split (%s), minority class '%s', test %d:%n",
                train.getOutputInfo().toReadableString(), MINORITY, test.size());
        System.out.printf("  minority F1 without balancing  %.4f  (recall %.4f)%n", without.f1(minority),
                without.recall(minority));
        System.out.printf("  minority F1 with VAE balancing %.4f  (recall %.4f)%n", with.f1(minority),
                with.recall(minority));
    }

    private static final String MINORITY = "tested_positive";

    private static Trainer<Label> standardisedLogistic() {
        return new TransformTrainer<>(new LogisticRegressionTrainer(),
                new TransformationMap(List.of(new MeanStdDevTransformation())));
    }

    /** The leading principal components of a dataset's features: the projection the baseline uses. */
    private record PrincipalComponents(String[] featureNames, double[] mean, double[][] components) {

        static PrincipalComponents fit(Dataset<Label> data, int count) {
            int width = data.getFeatureIDMap().size();
            String[] names = new String[width];
            for (int j = 0; j < width; j++) {
                names[j] = data.getFeatureIDMap().get(j).getName();
            }
            double[][] rows = new double[data.size()][];
            double[] mean = new double[width];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = dense(data.getExample(i), names);
                for (int j = 0; j < width; j++) {
                    mean[j] += rows[i][j] / rows.length;
                }
            }
            double[][] covariance = new double[width][width];
            for (double[] row : rows) {
                for (int a = 0; a < width; a++) {
                    double da = row[a] - mean[a];
                    for (int b = a; b < width; b++) {
                        covariance[a][b] += da * (row[b] - mean[b]);
                    }
                }
            }
            for (int a = 0; a < width; a++) {
                for (int b = a; b < width; b++) {
                    covariance[a][b] /= rows.length - 1;
                    covariance[b][a] = covariance[a][b];
                }
            }
            DenseMatrix.EigenDecomposition eigen = DenseMatrix.createDenseMatrix(covariance).eigenDecomposition()
                    .orElseThrow(() -> new IllegalStateException("the covariance matrix is not symmetric"));
            double[] values = eigen.eigenvalues().toArray();
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < values.length; j++) {
                order.add(j);
            }
            order.sort((x, y) -> Double.compare(values[y], values[x]));
            double[][] components = new double[count][];
            for (int c = 0; c < count; c++) {
                components[c] = eigen.getEigenVector(order.get(c)).toArray();
            }
            return new PrincipalComponents(names, mean, components);
        }

        MutableDataset<Label> project(Dataset<Label> data) {
            String[] outNames = new String[components.length];
            for (int c = 0; c < outNames.length; c++) {
                outNames[c] = String.format("pc%02d", c);
            }
            MutableDataset<Label> out = new MutableDataset<>(data.getProvenance(), data.getOutputFactory());
            for (Example<Label> e : data) {
                double[] x = dense(e, featureNames);
                double[] scores = new double[components.length];
                for (int c = 0; c < components.length; c++) {
                    for (int j = 0; j < x.length; j++) {
                        scores[c] += (x[j] - mean[j]) * components[c][j];
                    }
                }
                out.add(new ArrayExample<>(e.getOutput(), outNames, scores));
            }
            return out;
        }

        private static double[] dense(Example<Label> example, String[] names) {
            double[] x = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                var feature = example.lookup(names[j]);
                x[j] = feature == null ? 0.0 : feature.getValue();
            }
            return x;
        }
    }
}
