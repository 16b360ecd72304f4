package org.vae4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.vae.VaeConfig;

/**
 * A VAE that models a {@link Regressor} target as columns: generated examples carry a target drawn from the
 * model, with the training dimension names, within the training range and related to the features as in
 * the training data.
 */
class RegressionTargetTest {

    private static final String[] FEATURES = {"x1", "x2"};
    private static final RegressionFactory REGRESSION = new RegressionFactory();

    private static MutableDataset<Regressor> data;
    private static VaeFeatureModel model;

    /**
     * y = 3 x1 + 2 plus small noise, with x1 uniform on [0, 10] and x2 an unrelated Gaussian feature, every
     * value with three decimals as a CSV file would give them.
     */
    private static MutableDataset<Regressor> linear(long seed, int n) {
        MutableDataset<Regressor> out = new MutableDataset<>(new SimpleDataSourceProvenance("linear", REGRESSION),
                REGRESSION);
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x1 = decimals(10 * random.nextDouble());
            double x2 = decimals(random.nextGaussian());
            double y = decimals(3 * x1 + 2 + 0.5 * random.nextGaussian());
            out.add(new ArrayExample<>(new Regressor("y", y), FEATURES, new double[] {x1, x2}));
        }
        return out;
    }

    private static double decimals(double value) {
        return Math.rint(value * 1000) / 1000;
    }

    /**
     * A small VAE whose numeric columns are plain bounded Gaussians: on this data the detected column models
     * need more epochs to learn the x1-y dependence than a unit test should take.
     */
    private static VaeConfig config(int epochs) {
        return VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(epochs).batchSize(32)
                .learningRate(3e-2).columnTypes("*:gaussian").device(DeviceChoice.CPU).seed(4).build();
    }

    @BeforeAll
    static void train() {
        data = linear(3, 200);
        model = VaeFeatureTrainer.modellingTarget(config(30), AbsentFeatures.ZERO).trainFeatures(data);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static double[][] x1AndTarget(List<Example<Regressor>> examples) {
        double[][] out = new double[2][examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            out[0][i] = examples.get(i).lookup("x1").getValue();
            out[1][i] = examples.get(i).getOutput().getValues()[0];
        }
        return out;
    }

    @Test
    void generatedExamplesCarryATargetWithinTheTrainingRangeThatFollowsTheFeatures() {
        double[][] real = x1AndTarget(new ArrayList<>(data.getData()));
        double min = Arrays.stream(real[1]).min().orElseThrow();
        double max = Arrays.stream(real[1]).max().orElseThrow();

        List<Example<Regressor>> generated = model.generate(400, REGRESSION, 7);
        for (Example<Regressor> e : generated) {
            Regressor target = e.getOutput();
            assertArrayEquals(new String[] {"y"}, target.getNames(), "the training dimension names");
            double y = target.getValues()[0];
            assertTrue(y >= min && y <= max, "target " + y + " outside the training range [" + min + ", " + max + "]");
            assertEquals(2, e.size(), "the features only, not the target");
        }
        double[][] synthetic = x1AndTarget(generated);
        double realCorrelation = correlation(real[0], real[1]);
        double syntheticCorrelation = correlation(synthetic[0], synthetic[1]);
        assertTrue(realCorrelation > 0.98, "the training data is nearly linear: " + realCorrelation);
        assertTrue(syntheticCorrelation > 0.9, "generated targets follow x1 as the training targets do ("
                + realCorrelation + "), got " + syntheticCorrelation);
    }

    @Test
    void everyRegressionDimensionIsAColumnNamedAsInTraining() {
        MutableDataset<Regressor> twoTargets = new MutableDataset<>(new SimpleDataSourceProvenance("two",
                REGRESSION), REGRESSION);
        for (Example<Regressor> e : linear(5, 60)) {
            double x1 = e.lookup("x1").getValue();
            twoTargets.add(new ArrayExample<>(new Regressor(new String[] {"price", "area"},
                    new double[] {e.getOutput().getValues()[0], 100 - x1}), FEATURES,
                    new double[] {x1, e.lookup("x2").getValue()}));
        }
        try (VaeFeatureModel two = VaeFeatureTrainer.modellingTarget(config(2), AbsentFeatures.ZERO)
                .trainFeatures(twoTargets)) {
            for (Example<Regressor> e : two.generate(20, REGRESSION, 1)) {
                assertArrayEquals(new String[] {"area", "price"}, e.getOutput().getNames());
                double area = e.getOutput().getDimension("area").orElseThrow().getValue();
                assertTrue(area >= 90 && area <= 100, "area " + area + " outside the training range [90, 100]");
            }
        }
    }

    @Test
    void protobufRoundTripKeepsTheTargetColumns() {
        VaeFeatureModel copy = (VaeFeatureModel) Model.deserialize(model.serialize());
        try (copy) {
            List<Example<Regressor>> expected = model.generate(30, REGRESSION, 9);
            List<Example<Regressor>> actual = copy.generate(30, REGRESSION, 9);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).getOutput(), actual.get(i).getOutput());
                assertArrayEquals(expected.get(i).getOutput().getValues(), actual.get(i).getOutput().getValues(),
                        0.0);
            }
        }
    }

    @Test
    void examplesWithAnUnknownTargetAreEncodedWithTheTargetMissing() {
        Example<Regressor> known = data.getExample(0);
        Example<Regressor> unknown = new ArrayExample<>(REGRESSION.getUnknownOutput(), FEATURES,
                new double[] {known.lookup("x1").getValue(), known.lookup("x2").getValue()});
        List<Example<Regressor>> latent = model.transform(List.of(known, unknown));
        assertEquals(2, latent.get(1).size());
        assertTrue(Double.isFinite(latent.get(1).lookup("z000").getValue()));
        List<Example<Regressor>> rebuilt = model.reconstruct(List.of(known, unknown));
        assertEquals(2, rebuilt.get(1).size(), "a reconstruction has the features only");
        assertEquals(unknown.getOutput(), rebuilt.get(1).getOutput());
    }

    @Test
    void generatingWithAnotherOutputTypeIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.generate(5, new LabelFactory(), 1));
        assertTrue(e.getMessage().contains("Regressor"), e.getMessage());
    }

    @Test
    void modellingTheTargetOfANonRegressionDatasetIsAClearError() {
        MutableDataset<Label> labelled = Blobs.labelled(1, 20, 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VaeFeatureTrainer.modellingTarget(config(1), AbsentFeatures.ZERO).trainFeatures(labelled));
        assertTrue(e.getMessage().contains("Dataset<Regressor>"), e.getMessage());
    }

    @Test
    void aTargetThatSharesAFeaturesNameIsAClearError() {
        MutableDataset<Regressor> clash = new MutableDataset<>(new SimpleDataSourceProvenance("clash", REGRESSION),
                REGRESSION);
        for (Example<Regressor> e : linear(2, 20)) {
            clash.add(new ArrayExample<>(new Regressor("x1", e.getOutput().getValues()[0]), FEATURES,
                    new double[] {e.lookup("x1").getValue(), e.lookup("x2").getValue()}));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VaeFeatureTrainer.modellingTarget(config(1), AbsentFeatures.ZERO).trainFeatures(clash));
        assertTrue(e.getMessage().contains("'x1'"), e.getMessage());
    }

    @Test
    void theTargetCannotBeBothConditionAndColumnsNorFeedATransform() {
        ConfigurationData both = new ConfigurationData("both", VaeFeatureTrainer.class.getName());
        both.add("conditional", new SimpleProperty("true"));
        both.add("modelTarget", new SimpleProperty("true"));
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(List.of(both));
        PropertyException e = assertThrows(PropertyException.class, () -> cm.lookup("both"));
        assertEquals("modelTarget", e.getProperty());
        PropertyException transform = assertThrows(PropertyException.class, () -> new VaeTransformTrainer<>(
                VaeFeatureTrainer.modellingTarget(config(1), AbsentFeatures.ZERO), new LogisticRegressionTrainer()));
        assertTrue(transform.getMessage().contains("target"), transform.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theBalancerRefusesRegressionDataEvenThroughRawTypes() {
        // A Trainer<Label> cannot take a Dataset<Regressor> in typed code; through a raw type it must say why.
        VaeBalancingTrainer balancer = new VaeBalancingTrainer(new VaeFeatureTrainer(config(1), true, false,
                AbsentFeatures.ZERO), new LogisticRegressionTrainer(), 1.0, 1);
        RuntimeException e = assertThrows(RuntimeException.class, () -> ((Trainer) balancer).train(data));
        assertTrue(e.getMessage().contains("Label"), e.getMessage());
    }
}
