package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.weka.ArffFixtures.attributeNames;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.VariationalAutoencoder;

/** The VAE attribute filter on real data, from the command line and the API. */
class VariationalAutoencoderTest {

    @TempDir
    Path dir;

    private static VariationalAutoencoder filter(String... options) throws Exception {
        VariationalAutoencoder filter = new VariationalAutoencoder();
        String given = String.join(" ", options);
        filter.setOptions(Utils.splitOptions(given.contains("-E ") ? given : "-E 10 " + given));
        return filter;
    }

    @Test
    void commandLineReplacesTheAttributesOfMixedDataWithLatentMeans() throws Exception {
        File out = dir.resolve("labor-vae.arff").toFile();
        Filter.filterFile(new VariationalAutoencoder(), Utils.splitOptions("-E 10 -L 3 -S 3 -i "
                + ArffFixtures.file("labor.arff") + " -o " + out + " -c last"));

        Instances input = ArffFixtures.load("labor.arff");
        Instances result = ArffFixtures.read(out);
        assertEquals(List.of("z1", "z2", "z3", "class"), attributeNames(result));
        assertEquals(input.numInstances(), result.numInstances());
        for (int r = 0; r < result.numInstances(); r++) {
            for (int j = 0; j < 3; j++) {
                assertTrue(Double.isFinite(result.instance(r).value(j)), "row " + r + " z" + (j + 1));
            }
            assertEquals(input.instance(r).stringValue(input.classIndex()), result.instance(r).stringValue(3));
        }
    }

    @Test
    void batchModeReusesTheTrainedNetworkForTheSecondFile() throws Exception {
        File first = dir.resolve("first.arff").toFile();
        File second = dir.resolve("second.arff").toFile();
        String labor = ArffFixtures.file("labor.arff").toString();
        Filter.batchFilterFile(new VariationalAutoencoder(), Utils.splitOptions("-E 10 -i " + labor + " -o " + first
                + " -r " + labor + " -s " + second + " -c last"));

        // The second file is the training file itself: one row at a time through the trained network gives
        // what the first batch gave, so nothing was retrained or re-initialised.
        Instances a = ArffFixtures.read(first);
        Instances b = ArffFixtures.read(second);
        assertEquals(a.numInstances(), b.numInstances());
        for (int r = 0; r < a.numInstances(); r++) {
            assertArrayEquals(a.instance(r).toDoubleArray(), b.instance(r).toDoubleArray(), 1e-5, "row " + r);
        }
    }

    @Test
    void meansAndStandardDeviationsArePositiveSpreads() throws Exception {
        Instances result = apply(ArffFixtures.load("iris.arff"), with(filter("-latent 2 -output means-and-std")));
        assertEquals(List.of("z1", "z2", "z1_std", "z2_std", "class"), attributeNames(result));
        for (Instance row : result) {
            assertTrue(row.value(2) > 0 && row.value(3) > 0, row.toString());
        }
    }

    @Test
    void imputationFillsEveryMissingValueAndKeepsTheObservedOnes() throws Exception {
        Instances input = ArffFixtures.load("labor.arff");
        Instances result = apply(input, with(filter("-output imputation")));
        assertTrue(input.instance(0).hasMissingValue());
        for (int r = 0; r < input.numInstances(); r++) {
            for (int a = 0; a < input.numAttributes() - 1; a++) {
                assertFalse(result.instance(r).isMissing(a), "row " + r + " attribute " + a);
                if (!input.instance(r).isMissing(a)) {
                    assertEquals(input.instance(r).value(a), result.instance(r).value(a), 1e-9);
                }
            }
        }
    }

    @Test
    void reconstructionKeepsTheHeaderAndNominalValues() throws Exception {
        Instances input = ArffFixtures.load("labor.arff");
        Instances result = apply(input, with(filter("-output reconstruction")));
        assertTrue(input.equalHeaders(result), input.equalHeadersMsg(result));
        for (Instance row : result) {
            assertFalse(row.hasMissingValue(), row.toString());
        }
    }

    @Test
    void anomalyScoreIsHigherForAnOutlierThanForTypicalRows() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        VariationalAutoencoder filter = with(filter("-E 60 -output anomaly-score -K 20"));
        Instances scored = apply(iris, filter);
        int score = scored.attribute("anomaly_score").index();
        double[] typical = scored.attributeToDoubleArray(score);
        java.util.Arrays.sort(typical);

        Instance outlier = new DenseInstance(1, new double[] {5.0, 3.0, 40.0, 0.2, 0});
        outlier.setDataset(iris);
        assertTrue(filter.input(outlier));
        double outlierScore = filter.output().value(score);
        assertTrue(outlierScore > typical[typical.length - 1],
                "outlier " + outlierScore + " vs largest typical " + typical[typical.length - 1]);
    }

    @Test
    void aTrainedFilterSurvivesSerialization() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        VariationalAutoencoder filter = with(filter());
        apply(iris, filter);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(filter);
        }
        VariationalAutoencoder copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (VariationalAutoencoder) in.readObject();
        }
        for (int r = 0; r < 5; r++) {
            filter.input(iris.instance(r));
            copy.input(iris.instance(r));
            assertArrayEquals(filter.output().toDoubleArray(), copy.output().toDoubleArray(), 1e-6);
        }
    }

    @Test
    void optionsRoundTrip() throws Exception {
        VariationalAutoencoder filter = filter("-L 5 -H 16,8 -E 7 -mini-batch 9 -learning-rate 0.01 -beta 0.5 -warmup 2"
                + " -device cpu -validation 0.2 -patience 3 -S 42 -output anomaly-score -K 11");
        String[] options = filter.getOptions();
        assertTrue(List.of(options).contains("anomaly-score"), List.of(options).toString());
        VariationalAutoencoder copy = new VariationalAutoencoder();
        copy.setOptions(options.clone());
        assertArrayEquals(options, copy.getOptions());
        assertEquals(5, copy.getLatentDim());
        assertEquals("16,8", copy.getEncoderHidden());
        assertEquals(9, copy.getBatchSize());
        assertEquals(0.5, copy.getBeta());
        assertEquals("cpu", copy.getDevice().getSelectedTag().getIDStr());
        assertEquals(0.2, copy.getValidationFraction());
        assertEquals(42, copy.getSeed());
        assertEquals(11, copy.getImportanceSamples());
        assertEquals(VariationalAutoencoder.OUTPUT_ANOMALY_SCORE, copy.getOutputType().getSelectedTag().getID());
        copy.setOptions(new String[0]);
        assertArrayEquals(new VariationalAutoencoder().getOptions(), copy.getOptions());
    }

    @Test
    void everyPropertyHasATipText() throws Exception {
        for (var property : java.beans.Introspector.getBeanInfo(VariationalAutoencoder.class).getPropertyDescriptors()) {
            if (property.getWriteMethod() != null && property.getReadMethod() != null
                    && !property.getName().equals("options")) {
                VariationalAutoencoder.class.getMethod(property.getName() + "TipText");
            }
        }
        String info = new VariationalAutoencoder().globalInfo();
        assertTrue(info.contains("Kingma") && info.contains("Rezende"), info);
    }

    @Test
    void badOptionValuesAreRejectedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> filter("-L 0")).getMessage()
                .contains("latentDim"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> filter("-mini-batch many")).getMessage()
                .contains("-mini-batch"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> filter("-device tpu")).getMessage()
                .contains("auto, cpu, gpu"));
        assertThrows(IllegalArgumentException.class, () -> filter("-output everything"));
        assertThrows(Exception.class, () -> filter("-unknown 3"));
    }

    @Test
    void anUnseenNominalValueInALaterBatchIsNamed() throws Exception {
        Instances train = nominalData(List.of("a", "b"));
        VariationalAutoencoder filter = with(filter("-E 2"));
        apply(train, filter);

        Instances wider = nominalData(List.of("a", "b", "c"));
        Instance unseen = new DenseInstance(1, new double[] {2, 1.5});
        unseen.setDataset(wider);
        Exception e = assertThrows(IllegalArgumentException.class, () -> filter.input(unseen));
        assertTrue(e.getMessage().contains("'colour'") && e.getMessage().contains("row 1,"), e.getMessage());
    }

    @Test
    void aRowOfTheWrongHeaderIsRejected() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        VariationalAutoencoder filter = with(filter("-E 2"));
        apply(iris, filter);
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("x"));
        attributes.add(new Attribute("y"));
        Instance narrow = new DenseInstance(1, new double[] {1, 2});
        narrow.setDataset(new Instances("narrow", attributes, 0));
        Exception e = assertThrows(Exception.class, () -> filter.input(narrow));
        assertTrue(e.getMessage().contains("attributes"), e.getMessage());
    }

    @Test
    void stringAttributesAreRefusedByTheCapabilities() throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("text", (List<String>) null));
        attributes.add(new Attribute("x"));
        Instances data = new Instances("strings", attributes, 0);
        Exception e = assertThrows(Exception.class, () -> filter().setInputFormat(data));
        assertTrue(e.getMessage().toLowerCase().contains("string"), e.getMessage());
    }

    @Test
    void interruptingTrainingStopsItPromptlyAndLeavesTheEngineUsable() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        apply(iris, filter("-E 1"));
        VariationalAutoencoder slow = filter("-E 100000 -mini-batch 1");
        Exception[] failure = new Exception[1];
        Thread training = new Thread(() -> {
            try {
                apply(iris, slow);
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        training.start();
        Thread.sleep(1500);
        long start = System.nanoTime();
        training.interrupt();
        training.join(10_000);
        assertFalse(training.isAlive(), "training did not stop");
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
        assertTrue(failure[0] instanceof InterruptedException, String.valueOf(failure[0]));

        assertEquals(150, apply(iris, with(filter("-E 2"))).numInstances());
    }

    @ParameterizedTest
    @ValueSource(strings = {"means", "means-and-std", "sample", "reconstruction", "imputation", "anomaly-score"})
    void aRowGetsTheSameOutputInTheFirstBatchInALaterBatchAndOnItsOwn(String output) throws Exception {
        Instances labor = ArffFixtures.load("labor.arff");
        VariationalAutoencoder filter = with(filter("-E 5 -K 8 -output " + output));
        Instances firstBatch = apply(labor, filter);

        assertTrue(filter.input(labor));
        Instances laterBatch = drain(filter);
        filter.batchFinished();
        Instances rowByRow = new Instances(filter.getOutputFormat(), labor.numInstances());
        for (Instance row : labor) {
            assertTrue(filter.input(row));
            rowByRow.add(filter.output());
            filter.batchFinished();
        }
        assertSameRows(firstBatch, laterBatch);
        assertSameRows(firstBatch, rowByRow);
    }

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        Instances a = apply(iris, with(filter("-E 3 -output sample")));
        Instances b = apply(iris, with(filter("-E 3 -output sample")));
        assertSameRows(a, b);
        VariationalAutoencoder other = filter("-E 3 -output sample");
        other.setSeed(8);
        assertFalse(a.instance(0).value(0) == apply(iris, other).instance(0).value(0));
    }

    @Test
    void anomalyScoreIsAddedBeforeTheClassWhichStaysLast() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        iris.setClassIndex(0);
        Instances scored = apply(iris, with(filter("-E 2 -output anomaly-score -K 2")));
        assertEquals(List.of("sepalwidth", "petallength", "petalwidth", "class", "anomaly_score", "sepallength"),
                attributeNames(scored));
        assertEquals(scored.numAttributes() - 1, scored.classIndex());
        for (int r = 0; r < iris.numInstances(); r++) {
            assertEquals(iris.instance(r).value(0), scored.instance(r).classValue());
            assertEquals(iris.instance(r).stringValue(4), scored.instance(r).stringValue(3));
            assertTrue(Double.isFinite(scored.instance(r).value(4)));
        }
    }

    @Test
    void anEmptyFirstBatchDefinesTheFormatAndTheNextBatchTrains() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        VariationalAutoencoder filter = with(filter("-E 3 -latent 2"));
        filter.setInputFormat(iris);
        Instances empty = Filter.useFilter(new Instances(iris, 0), filter);
        assertEquals(List.of("z1", "z2", "class"), attributeNames(empty));
        assertEquals(0, empty.numInstances());

        Instances trained = Filter.useFilter(iris, filter);
        assertSameRows(apply(iris, with(filter("-E 3 -latent 2"))), trained);
    }

    @Test
    void badValuesAreNamedByTheirRowCountedFromOne() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        Instances bad = new Instances(iris);
        bad.instance(2).setValue(1, Double.POSITIVE_INFINITY);
        Exception first = assertThrows(IllegalArgumentException.class, () -> apply(bad, filter("-E 1")));
        assertTrue(first.getMessage().contains("row 3,") && first.getMessage().contains("'sepalwidth'"),
                first.getMessage());

        VariationalAutoencoder filter = with(filter("-E 1"));
        apply(iris, filter);
        assertTrue(filter.input(bad.instance(0)));
        assertTrue(filter.input(bad.instance(1)));
        Exception later = assertThrows(IllegalArgumentException.class, () -> filter.input(bad.instance(2)));
        assertTrue(later.getMessage().contains("row 3,"), later.getMessage());

        bad.setClassIndex(-1);
        bad.instance(1).setValue(1, 1e39);
        Exception huge = assertThrows(IllegalArgumentException.class, () -> apply(bad, filter("-E 1")));
        assertTrue(huge.getMessage().contains("row 2,") && huge.getMessage().contains("'sepalwidth'"),
                huge.getMessage());
    }

    private static Instances drain(Filter filter) {
        Instances out = new Instances(filter.getOutputFormat(), filter.numPendingOutput());
        while (filter.numPendingOutput() > 0) {
            out.add(filter.output());
        }
        return out;
    }

    /** Equal headers and values equal to float precision (a one-row forward pass may round differently). */
    private static void assertSameRows(Instances expected, Instances actual) {
        assertTrue(expected.equalHeaders(actual), expected.equalHeadersMsg(actual));
        assertEquals(expected.numInstances(), actual.numInstances());
        for (int r = 0; r < expected.numInstances(); r++) {
            double[] e = expected.instance(r).toDoubleArray();
            double[] a = actual.instance(r).toDoubleArray();
            for (int c = 0; c < e.length; c++) {
                String where = "row " + (r + 1) + ", attribute " + expected.attribute(c).name();
                if (Double.isNaN(e[c])) {
                    assertTrue(Double.isNaN(a[c]), where);
                } else {
                    assertEquals(e[c], a[c], 1e-5 * Math.max(1, Math.abs(e[c])), where);
                }
            }
        }
    }

    private static Instances apply(Instances data, Filter filter) throws Exception {
        filter.setInputFormat(data);
        return Filter.useFilter(data, filter);
    }

    private static VariationalAutoencoder with(VariationalAutoencoder filter) {
        filter.setSeed(7);
        return filter;
    }

    private static Instances nominalData(List<String> colours) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("colour", new ArrayList<>(colours)));
        attributes.add(new Attribute("size"));
        Instances data = new Instances("nominal", attributes, 0);
        for (int r = 0; r < 20; r++) {
            data.add(new DenseInstance(1, new double[] {r % 2, r / 10.0}));
        }
        return data;
    }
}
