package org.vae4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

class VaeFeatureModelTest {

    private static MutableDataset<Label> data;
    private static VaeFeatureModel model;
    private static VaeFeatureModel conditional;

    @BeforeAll
    static void train() {
        data = Blobs.labelled(7, 60, 60, 60);
        model = new VaeFeatureTrainer(Blobs.config(3), false, true, AbsentFeatures.ZERO).trainFeatures(data);
        conditional = new VaeFeatureTrainer(Blobs.config(3), true, false, AbsentFeatures.ZERO).trainFeatures(data);
    }

    @AfterAll
    static void close() {
        model.close();
        conditional.close();
    }

    @Test
    void transformKeepsOutputWeightAndMetadataAndWritesLatentNames() {
        Example<Label> original = data.getExample(5).copy();
        original.setWeight(2.5f);
        original.setMetadataValue("id", "row-5");
        Example<Label> latent = model.transform(original);
        assertSame(original.getOutput(), latent.getOutput());
        assertEquals(2.5f, latent.getWeight());
        assertEquals("row-5", latent.getMetadataValue("id").orElseThrow());
        List<String> names = new ArrayList<>();
        for (Feature f : latent) {
            names.add(f.getName());
        }
        assertEquals(List.of("z000", "z000_std", "z001", "z001_std"), names);
        assertTrue(latent.lookup("z000_std").getValue() > 0, "a standard deviation is positive");
    }

    @Test
    void transformedDatasetKeepsSizeFactoryAndSourceProvenance() {
        MutableDataset<Label> latent = model.transform(data);
        assertEquals(data.size(), latent.size());
        assertEquals(4, latent.getFeatureMap().size());
        assertEquals(data.getOutputInfo().getDomain(), latent.getOutputInfo().getDomain());
        assertEquals(data.getProvenance(), latent.getProvenance().getSourceProvenance());
    }

    @Test
    void latentFeaturesSeparateTheClusters() {
        // The clusters differ mostly along one direction: the class means of z differ by far more than the
        // within-class spread in at least one latent dimension.
        MutableDataset<Label> latent = model.transform(data);
        double[][] sums = new double[3][2];
        for (Example<Label> e : latent) {
            int c = Integer.parseInt(e.getOutput().getLabel().substring(1));
            sums[c][0] += e.lookup("z000").getValue() / 60;
            sums[c][1] += e.lookup("z001").getValue() / 60;
        }
        double gap = 0;
        for (int j = 0; j < 2; j++) {
            gap = Math.max(gap, Math.abs(sums[0][j] - sums[2][j]));
        }
        assertTrue(gap > 1.0, "class means in latent space should be well apart, got " + gap);
    }

    @Test
    void regressorPredictionsCarryPosteriorVariancesAndMatchTransform() {
        List<Example<Regressor>> examples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            examples.add(new ArrayExample<>(new Regressor("y", 0), Blobs.FEATURES,
                    values(data.getExample(i))));
        }
        List<Prediction<Regressor>> batch = model.predict(examples);
        for (int i = 0; i < examples.size(); i++) {
            Regressor z = batch.get(i).getOutput();
            assertArrayEquals(new String[] {"z000", "z001"}, z.getNames());
            assertArrayEquals(z.getValues(), model.predict(examples.get(i)).getOutput().getValues(), 1e-6);
            Example<Label> latent = model.transform(data.getExample(i));
            assertEquals(latent.lookup("z001").getValue(), z.getValues()[1], 1e-6);
            double std = latent.lookup("z001_std").getValue();
            assertEquals(std * std, z.getVariances()[1], 1e-6);
            assertEquals(6, batch.get(i).getNumActiveFeatures());
        }
    }

    @Test
    void javaAndProtobufRoundTripsGiveIdenticalPredictions() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        VaeFeatureModel java;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            java = (VaeFeatureModel) in.readObject();
        }
        VaeFeatureModel proto = (VaeFeatureModel) Model.deserialize(model.serialize());
        try (java; proto) {
            assertEquals(model.getProvenance(), proto.getProvenance());
            assertEquals(model.getFeatureIDMap().size(), proto.getFeatureIDMap().size());
            for (int i = 0; i < 20; i++) {
                Example<Label> e = data.getExample(i);
                double[] expected = values(model.transform(e));
                assertArrayEquals(expected, values(java.transform(e)), 0.0);
                assertArrayEquals(expected, values(proto.transform(e)), 0.0);
            }
        }
    }

    @Test
    void protobufOfAnotherKindOrVersionIsRejected() {
        org.tribuo.protos.core.ModelProto proto = model.serialize();
        assertThrows(IllegalArgumentException.class,
                () -> VaeFeatureModel.deserializeFromProto(1, proto.getClassName(), proto.getSerializedData()));
        com.google.protobuf.InvalidProtocolBufferException wrongType = assertThrows(
                com.google.protobuf.InvalidProtocolBufferException.class,
                () -> VaeFeatureModel.deserializeFromProto(0, proto.getClassName(),
                        com.google.protobuf.Any.pack(com.google.protobuf.BytesValue.getDefaultInstance())));
        assertTrue(wrongType.getMessage().contains("VaeFeatureModelProto"), wrongType.getMessage());
    }

    @Test
    void closedModelRebuildsItsNetworkOnNextUse() {
        VaeFeatureModel copy = (VaeFeatureModel) Model.deserialize(model.serialize());
        double[] before = values(copy.transform(data.getExample(0)));
        copy.close();
        assertArrayEquals(before, values(copy.transform(data.getExample(0))), 0.0);
        copy.close();
    }

    @Test
    void closeWhileOtherThreadsPredictRebuildsAndEveryPredictionIsRight() throws Exception {
        VaeFeatureModel shared = (VaeFeatureModel) Model.deserialize(model.serialize());
        List<Example<Regressor>> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            probes.add(new ArrayExample<>(new Regressor("y", 0), Blobs.FEATURES, values(data.getExample(i))));
        }
        List<double[]> expected = new ArrayList<>();
        for (Prediction<Regressor> p : shared.predict(probes)) {
            expected.add(p.getOutput().getValues());
        }
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> predictors = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                predictors.add(pool.submit(() -> {
                    int calls = 0;
                    while (!done.get()) {
                        List<Prediction<Regressor>> got = shared.predict(probes);
                        for (int i = 0; i < got.size(); i++) {
                            assertArrayEquals(expected.get(i), got.get(i).getOutput().getValues(), 0.0,
                                    "example " + (i + 1));
                        }
                        calls++;
                    }
                    return calls;
                }));
            }
            Future<?> closer = pool.submit(() -> {
                for (int round = 0; round < 40; round++) {
                    shared.close();
                    Thread.sleep(2);
                }
                return null;
            });
            closer.get(60, TimeUnit.SECONDS);
            done.set(true);
            for (Future<Integer> f : predictors) {
                assertTrue(f.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            done.set(true);
            pool.shutdownNow();
            shared.close();
        }
    }

    @Test
    void modelsThatAreNeverClosedFreeTheirNativeMemoryOnceUnreachable() throws InterruptedException {
        Example<Label> probe = data.getExample(0);
        int before = liveNativeArrays();
        for (int i = 0; i < 30; i++) {
            VaeFeatureModel dropped = (VaeFeatureModel) model.copy();
            dropped.transform(probe); // builds its own network
        }
        assertTrue(liveNativeArrays() >= before + 30, "the count sees the dropped models' networks");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (liveNativeArrays() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(liveNativeArrays() <= before, "live native arrays " + liveNativeArrays() + ", before " + before);
    }

    /** All native arrays alive in the JVM: every base manager hangs off DJL's system manager. */
    private static int liveNativeArrays() {
        try (NDManager probe = NDManager.newBaseManager("PyTorch")) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void predictIsThreadSafe() throws Exception {
        List<Example<Label>> examples = new ArrayList<>();
        data.forEach(examples::add);
        List<Example<Label>> expected = model.transform(examples);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Example<Label>>>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int from = t * 10;
                futures.add(pool.submit(() -> {
                    List<Example<Label>> out = new ArrayList<>();
                    for (int i = from; i < from + 10; i++) {
                        out.add(model.transform(examples.get(i)));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 16; t++) {
                List<Example<Label>> got = futures.get(t).get();
                for (int i = 0; i < 10; i++) {
                    assertArrayEquals(values(expected.get(t * 10 + i)), values(got.get(i)), 1e-6);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void unseenFeaturesAreIgnoredAndCounted() {
        Example<Label> original = data.getExample(3);
        ArrayExample<Label> extended = new ArrayExample<>(original.getOutput(), Blobs.FEATURES, values(original));
        extended.add(new Feature("never-seen", 42.0));
        extended.add(new Feature("also-new", -1.0));
        long before = model.unseenFeatureCount();
        assertArrayEquals(values(model.transform(original)), values(model.transform(extended)), 1e-9);
        assertEquals(before + 2, model.unseenFeatureCount());
    }

    @Test
    void exampleWithoutKnownFeaturesIsRejected() {
        ArrayExample<Label> alien = new ArrayExample<>(new Label("c0"), new String[] {"x", "y"}, new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.transform(alien));
        assertTrue(e.getMessage().contains("none of the 6 features"), e.getMessage());
    }

    @Test
    void absentFeaturesAreMissingNotZeroWhenConfigured() {
        VaeFeatureModel missingModel = new VaeFeatureTrainer(Blobs.config(3), false, false, AbsentFeatures.MISSING)
                .trainFeatures(data);
        try (missingModel) {
            double[] full = values(data.getExample(0));
            double[] withZero = full.clone();
            withZero[2] = 0;
            ArrayExample<Label> zero = new ArrayExample<>(new Label("c0"), Blobs.FEATURES, withZero);
            String[] fewer = {"f0", "f1", "f3", "f4", "f5"};
            ArrayExample<Label> sparse = new ArrayExample<>(new Label("c0"), fewer,
                    new double[] {full[0], full[1], full[3], full[4], full[5]});
            double[] absentAsMissing = values(missingModel.transform(sparse));
            assertFalse(java.util.Arrays.equals(values(missingModel.transform(zero)), absentAsMissing),
                    "an absent feature must not be encoded as an explicit zero");
            // Under the ZERO policy the sparse example and the explicit zero are the same input.
            assertArrayEquals(values(model.transform(zero)), values(model.transform(sparse)), 0.0);
            // The reconstruction fills the missing feature with a value near the one left out.
            double filled = missingModel.reconstruct(List.of(sparse)).get(0).lookup("f2").getValue();
            assertEquals(full[2], filled, 1.5, "imputed f2");
        }
    }

    @Test
    void generatedExamplesLiveInTheOriginalSpaceAndAreMarkedSynthetic() {
        List<Example<Label>> generated = model.generate(50, new LabelFactory(), 11);
        assertEquals(50, generated.size());
        for (Example<Label> e : generated) {
            assertSame(LabelFactory.UNKNOWN_LABEL, e.getOutput());
            assertEquals("true", e.getMetadataValue(VaeFeatureModel.SYNTHETIC_METADATA_KEY).orElseThrow());
            assertEquals(6, e.size());
            assertTrue(e.lookup("f4") != null);
        }
        assertEquals(values(generated.get(7)).length, 6);
        assertArrayEquals(values(generated.get(7)), values(model.generate(50, new LabelFactory(), 11).get(7)), 0.0);
    }

    @Test
    void conditionalGenerationFollowsTheRequestedLabel() {
        List<Example<Label>> c2 = conditional.generate(100, new Label("c2"), 5);
        List<Example<Label>> c0 = conditional.generate(100, new Label("c0"), 5);
        double meanF0c2 = c2.stream().mapToDouble(e -> e.lookup("f0").getValue()).average().orElseThrow();
        double meanF0c0 = c0.stream().mapToDouble(e -> e.lookup("f0").getValue()).average().orElseThrow();
        assertEquals("c2", c2.get(0).getOutput().getLabel());
        // In the data f0 is centred at 3 * class: c2 at 6, c0 at 0.
        assertTrue(meanF0c2 - meanF0c0 > 3, "c2 " + meanF0c2 + " vs c0 " + meanF0c0);

        List<Example<Label>> mixed = conditional.generate(60, new LabelFactory(), 5);
        assertTrue(mixed.stream().map(e -> e.getOutput().getLabel()).distinct().count() > 1);
        assertThrows(IllegalArgumentException.class, () -> conditional.generate(5, new Label("c9"), 1));
        assertThrows(IllegalStateException.class, () -> model.generate(5, new Label("c0"), 1));
    }

    @Test
    void conditionalModelNeedsKnownLabelsToEncode() {
        Example<Label> unknown = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, Blobs.FEATURES,
                values(data.getExample(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conditional.transform(unknown));
        assertTrue(e.getMessage().contains("needs a known label"), e.getMessage());
        assertEquals(List.of("c0", "c1", "c2"), conditional.conditionLabels());
    }

    @Test
    void outliersScoreHigherThanTypicalExamples() {
        Example<Label> typical = data.getExample(10);
        double[] far = values(typical);
        for (int j = 0; j < far.length; j++) {
            far[j] = far[j] * 5 + 20;
        }
        Example<Label> outlier = new ArrayExample<>(new Label("c0"), Blobs.FEATURES, far);
        double[] scores = model.anomalyScores(List.of(typical, outlier), 8);
        assertTrue(scores[1] > scores[0] + 10, "outlier " + scores[1] + " vs typical " + scores[0]);
        assertArrayEquals(scores, model.anomalyScores(List.of(typical, outlier), 8), 0.0);
        assertTrue(model.anomalyScoresAreDensities(), "Gaussian features: negative log-densities");
    }

    @Test
    void anExampleScoresTheSameAloneAsAmongOthers() {
        List<Example<Label>> some = List.of(data.getExample(3), data.getExample(70), data.getExample(150));
        double[] together = model.anomalyScores(some, 8);
        for (int i = 0; i < some.size(); i++) {
            double alone = model.anomalyScores(List.of(some.get(i)), 8)[0];
            assertEquals(alone, together[i], 1e-6 * Math.abs(alone), "example " + i);
        }
    }

    @Test
    void reconstructionKeepsOutputAndIsCloseToTheInput() {
        Example<Label> e = data.getExample(20);
        Example<Label> r = model.reconstruct(List.of(e)).get(0);
        assertSame(e.getOutput(), r.getOutput());
        double[] x = values(e);
        double[] y = values(r);
        double error = 0;
        double spread = 0;
        for (int j = 0; j < x.length; j++) {
            error += Math.abs(x[j] - y[j]);
            spread += Math.abs(x[j]);
        }
        assertTrue(error < 0.5 * spread, "reconstruction error " + error + " vs magnitude " + spread);
        assertNotEquals(0.0, error);
    }

    /**
     * A sweep of dimension d from z_d - 1 to z_d + 1 in 3 steps passes through the example's own code, so its
     * middle example is the example's reconstruction; the ends differ from it.
     */
    @Test
    void traversalsPassThroughTheExamplesReconstruction() {
        for (VaeFeatureModel m : List.of(model, conditional)) {
            Example<Label> e = data.getExample(130);
            double[] reconstruction = values(m.reconstruct(List.of(e)).get(0));
            Example<Label> code = m.transform(e);
            for (int d = 0; d < m.latentDim(); d++) {
                double zd = code.lookup(m.latentFeatureNames().get(d)).getValue();
                List<List<Example<Label>>> sweeps = m.traverse(e, zd - 1, zd + 1, 3);
                assertEquals(m.latentDim(), sweeps.size());
                List<Example<Label>> sweep = sweeps.get(d);
                assertEquals(3, sweep.size());
                assertArrayEquals(reconstruction, values(sweep.get(1)), 1e-4, "dimension " + d);
                assertFalse(java.util.Arrays.equals(values(sweep.get(0)), values(sweep.get(2))),
                        "the ends of dimension " + d + "'s sweep differ");
                for (Example<Label> t : sweep) {
                    assertSame(e.getOutput(), t.getOutput());
                    assertEquals(Integer.toString(d),
                            t.getMetadataValue(VaeFeatureModel.TRAVERSAL_DIMENSION_KEY).orElseThrow());
                }
                assertEquals(Double.toString(zd + 1),
                        sweep.get(2).getMetadataValue(VaeFeatureModel.TRAVERSAL_VALUE_KEY).orElseThrow());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> model.traverse(data.getExample(0), -3, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> model.traverse(data.getExample(0), 3, -3, 9));
    }

    static double[] values(Example<?> example) {
        double[] out = new double[example.size()];
        int i = 0;
        for (Feature f : example) {
            out[i++] = f.getValue();
        }
        return out;
    }
}
