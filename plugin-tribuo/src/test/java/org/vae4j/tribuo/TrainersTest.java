package org.vae4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ImmutableLabelInfo;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.dataset.DatasetView;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.Regressor;
import org.vae4j.options.OptionDescription;
import org.vae4j.oversample.OversamplingOptions;
import org.vae4j.vae.VaeConfig;

class TrainersTest {

    private static final String CONFIG = "/org/vae4j/tribuo/trainers.xml";

    private static MutableDataset<Label> train;
    private static MutableDataset<Label> test;

    @BeforeAll
    static void data() {
        train = Blobs.labelled(1, 60, 60, 60);
        test = Blobs.labelled(2, 30, 30, 30);
    }

    private static ConfigurationManager config() {
        return new ConfigurationManager(CONFIG);
    }

    @Test
    void xmlConfigurationBuildsTheSameTrainersAsTheCode() {
        ConfigurationManager cm = config();
        VaeFeatureTrainer vae = new VaeFeatureTrainer(Blobs.config(3));
        VaeFeatureTrainer conditionalVae = new VaeFeatureTrainer(Blobs.config(3), true, false, AbsentFeatures.ZERO);
        assertEquals(vae.getProvenance(), ((VaeFeatureTrainer) cm.lookup("vae")).getProvenance());
        assertEquals(new VaeTransformTrainer<>(vae, new LogisticRegressionTrainer()).getProvenance(),
                ((VaeTransformTrainer<?>) cm.lookup("vae-logistic")).getProvenance());
        assertEquals(new VaeBalancingTrainer(conditionalVae, new LogisticRegressionTrainer(), 1.0, 9).getProvenance(),
                ((VaeBalancingTrainer) cm.lookup("balanced-logistic")).getProvenance());
        assertNotEquals(vae.getProvenance(), new VaeFeatureTrainer(Blobs.config(4)).getProvenance(),
                "a different seed must show in the provenance");
    }

    @Test
    void invalidOptionsFailWithPropertyExceptionsNamingTheOption() {
        ConfigurationManager cm = config();
        PropertyException latent = assertThrows(PropertyException.class, () -> cm.lookup("bad-latent"));
        assertEquals("latentDim", latent.getProperty());
        assertTrue(latent.getMessage().contains("must be >= 1"), latent.getMessage());
        PropertyException wrapper = assertThrows(PropertyException.class, () -> cm.lookup("bad-wrapper"));
        assertEquals("vaeTrainer", wrapper.getProperty());
        assertTrue(wrapper.getMessage().contains("unconditional"), wrapper.getMessage());
        PropertyException balancer = assertThrows(PropertyException.class, () -> cm.lookup("bad-balancer"));
        assertTrue(balancer.getMessage().contains("must be conditional"), balancer.getMessage());
        PropertyException ratio = assertThrows(PropertyException.class, () -> cm.lookup("bad-ratio"));
        assertEquals("targetRatio", ratio.getProperty());
    }

    @Test
    void badDataGetsClearMessages() {
        VaeFeatureTrainer conditional = new VaeFeatureTrainer(Blobs.config(3), true, false, AbsentFeatures.ZERO);
        IllegalArgumentException notLabels = assertThrows(IllegalArgumentException.class,
                () -> conditional.trainFeatures(Blobs.unlabelled(1, 30)));
        assertTrue(notLabels.getMessage().contains("needs a Dataset<Label>"), notLabels.getMessage());
        IllegalArgumentException oneLabel = assertThrows(IllegalArgumentException.class,
                () -> conditional.trainFeatures(Blobs.labelled(1, 30)));
        assertTrue(oneLabel.getMessage().contains("at least two labels"), oneLabel.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new VaeFeatureTrainer(Blobs.config(3)).trainFeatures(Blobs.labelled(1)));
        assertTrue(empty.getMessage().contains("0 examples"), empty.getMessage());
        assertEquals(0, conditional.getInvocationCount(), "refused data is not a training run");
    }

    @Test
    void aValueBeyondFloatRangeIsNamedInsteadOfDivergingTraining() {
        MutableDataset<Regressor> data = Blobs.unlabelled(2, 30);
        double[] values = {1, 2, 1e39, 4, 5, 6};
        data.add(new ArrayExample<>(new Regressor("y", 0), Blobs.FEATURES, values));
        VaeFeatureTrainer trainer = new VaeFeatureTrainer(Blobs.quickConfig(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(data));
        assertTrue(e.getMessage().contains("'f2'") && e.getMessage().contains("float range"), e.getMessage());
    }

    @Test
    void sameSeedAndInvocationCountReproduceTheModel() {
        VaeFeatureTrainer trainer = new VaeFeatureTrainer(Blobs.config(3));
        MutableDataset<Regressor> data = Blobs.unlabelled(5, 90);
        Example<Regressor> probe = data.getExample(4);
        try (VaeFeatureModel first = trainer.train(data);
                VaeFeatureModel second = trainer.train(data);
                VaeFeatureModel again = trainer.train(data, Map.of(), 1)) {
            assertEquals(2, trainer.getInvocationCount());
            double[] z1 = first.predict(probe).getOutput().getValues();
            double[] z2 = second.predict(probe).getOutput().getValues();
            assertFalse(java.util.Arrays.equals(z1, z2), "a second training uses a new seed");
            assertArrayEquals(z2, again.predict(probe).getOutput().getValues(), 0.0);
            trainer.setInvocationCount(0);
            try (VaeFeatureModel replay = trainer.train(data)) {
                assertArrayEquals(z1, replay.predict(probe).getOutput().getValues(), 0.0);
            }
        }
    }

    @Test
    void modelProvenanceMarshalsAndUnmarshals() {
        VaeTransformTrainer<Label> trainer = new VaeTransformTrainer<>(new VaeFeatureTrainer(Blobs.config(3)),
                new LogisticRegressionTrainer());
        try (VaeTransformedModel<Label> model = trainer.train(train)) {
            ModelProvenance provenance = model.getProvenance();
            ObjectProvenance back = ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance));
            assertEquals(provenance, back);
            TrainerProvenance recorded = provenance.getTrainerProvenance();
            assertEquals(VaeTransformTrainer.class.getName(), recorded.getClassName());
            assertTrue(recorded.getConfiguredParameters().containsKey("vaeTrainer"));
            assertTrue(recorded.getConfiguredParameters().containsKey("innerTrainer"));
            assertTrue(recorded.getConfiguredParameters().get("vaeTrainer").toString().contains("latentDim"));
            assertEquals(train.getProvenance(), provenance.getDatasetProvenance());
        }
    }

    @Test
    void transformTrainerPredictsFromRawFeaturesAndSurvivesBothSerializations() throws Exception {
        VaeTransformTrainer<Label> trainer = new VaeTransformTrainer<>(new VaeFeatureTrainer(Blobs.config(3)),
                new LogisticRegressionTrainer());
        try (VaeTransformedModel<Label> model = trainer.train(train)) {
            double accuracy = new LabelEvaluator().evaluate(model, test).accuracy();
            assertTrue(accuracy > 0.85, "accuracy on separable clusters from 2 latents: " + accuracy);
            assertEquals(train.getFeatureIDMap().size(), model.getFeatureIDMap().size());

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(model);
            }
            @SuppressWarnings("unchecked")
            VaeTransformedModel<Label> java = (VaeTransformedModel<Label>) new ObjectInputStream(
                    new ByteArrayInputStream(bytes.toByteArray())).readObject();
            @SuppressWarnings("unchecked")
            VaeTransformedModel<Label> proto = (VaeTransformedModel<Label>) Model.deserialize(model.serialize());
            try (java; proto) {
                List<Prediction<Label>> expected = model.predict(test);
                List<Prediction<Label>> viaJava = java.predict(test);
                List<Prediction<Label>> viaProto = proto.predict(test);
                for (int i = 0; i < expected.size(); i++) {
                    Map<String, Label> scores = expected.get(i).getOutputScores();
                    for (String label : scores.keySet()) {
                        double p = scores.get(label).getScore();
                        assertEquals(p, viaJava.get(i).getOutputScores().get(label).getScore(), 0.0);
                        assertEquals(p, viaProto.get(i).getOutputScores().get(label).getScore(), 0.0);
                    }
                }
                assertEquals(model.getProvenance(), proto.getProvenance());
                assertEquals(expected.get(3).getOutput(), model.predict(test.getExample(3)).getOutput());
            }
        }
    }

    @Test
    void everyOversamplingOptionIsABalancingConfigFieldStartingAtTheRegistryDefault() throws Exception {
        VaeFeatureTrainer conditional = new VaeFeatureTrainer(Blobs.config(3), true, false, AbsentFeatures.ZERO);
        VaeBalancingTrainer trainer = new VaeBalancingTrainer(conditional, new LogisticRegressionTrainer(), 1.0, 9);
        for (OptionDescription option : OversamplingOptions.ALL) {
            Field field = OptionFields.field(trainer, option);
            assertNotNull(field.getAnnotation(Config.class), option.name() + " is not an OLCUT @Config field");
            assertEquals(option.defaultText(), OptionFields.text(option, field.get(trainer)), option.name());
            assertTrue(trainer.getProvenance().getConfiguredParameters().containsKey(option.name()), option.name());
        }
    }

    @Test
    void balancingTopsUpTheSmallClassesAndRecordsItself() {
        MutableDataset<Label> imbalanced = Blobs.labelled(3, 120, 12, 60);
        VaeFeatureTrainer conditional = new VaeFeatureTrainer(Blobs.config(3), true, false, AbsentFeatures.ZERO);
        VaeBalancingTrainer trainer = new VaeBalancingTrainer(conditional, new LogisticRegressionTrainer(), 0.5, 9);
        VaeBalancedModel model = trainer.train(imbalanced);
        ImmutableLabelInfo info = (ImmutableLabelInfo) model.getOutputIDInfo();
        assertEquals(120, info.getLabelCount("c0"));
        assertEquals(60, info.getLabelCount("c1"), "12 real + 48 synthetic");
        assertEquals(60, info.getLabelCount("c2"), "already at the target");
        assertEquals(VaeBalancingTrainer.class.getName(), model.getProvenance().getTrainerProvenance().getClassName());
        assertEquals(LogisticRegressionTrainer.class.getName(),
                model.getInnerModel().getProvenance().getTrainerProvenance().getClassName());
        assertEquals(1, trainer.getInvocationCount());
        MutableDataset<Label> fresh = Blobs.labelled(4, 30, 30, 30);
        double accuracy = new LabelEvaluator().evaluate(model, fresh).accuracy();
        assertTrue(accuracy > 0.8, "accuracy after balancing: " + accuracy);
        Model<?> proto = Model.deserialize(model.serialize());
        assertEquals(model.getProvenance(), proto.getProvenance());
        @SuppressWarnings("unchecked")
        Model<Label> back = (Model<Label>) proto;
        assertSamePredictions(model, back, fresh);
    }

    @Test
    void balancingSkipsClassesWithoutTrainingExamples() {
        // As in a cross-validation fold or a bootstrap bag: c2 is in the output domain but has no example.
        MutableDataset<Label> all = Blobs.labelled(3, 40, 12, 30);
        int[] withoutC2 = new int[52];
        for (int i = 0; i < withoutC2.length; i++) {
            withoutC2[i] = i;
        }
        DatasetView<Label> fold = new DatasetView<>(all, withoutC2, all.getFeatureIDMap(), all.getOutputIDInfo(),
                "without c2");
        assertEquals(3, fold.getOutputInfo().size(), "the view keeps the full output domain");
        VaeFeatureTrainer conditional = new VaeFeatureTrainer(Blobs.quickConfig(3), true, false, AbsentFeatures.ZERO);
        Model<Label> model = new VaeBalancingTrainer(conditional, new LogisticRegressionTrainer(), 1.0, 9).train(fold);
        ImmutableLabelInfo info = (ImmutableLabelInfo) model.getOutputIDInfo();
        assertEquals(40, info.getLabelCount("c1"), "12 real + 28 synthetic");
        assertEquals(0, info.getLabelCount("c2"), "no examples invented for a class with none to learn from");
    }

    @Test
    void balancingAnEmptyDatasetFailsClearly() {
        VaeFeatureTrainer conditional = new VaeFeatureTrainer(Blobs.config(3), true, false, AbsentFeatures.ZERO);
        VaeBalancingTrainer trainer = new VaeBalancingTrainer(conditional, new LogisticRegressionTrainer(), 1.0, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(Blobs.labelled(1)));
        assertTrue(e.getMessage().contains("no examples"), e.getMessage());
        assertEquals(0, trainer.getInvocationCount(), "a refused dataset is not a training run");
    }

    @Test
    void balancedModelIsRebuiltFromItsProvenance() {
        MutableDataset<Label> imbalanced = Blobs.labelled(3, 60, 6, 30);
        VaeFeatureTrainer conditional = new VaeFeatureTrainer(Blobs.quickConfig(3), true, false, AbsentFeatures.ZERO);
        conditional.trainFeatures(imbalanced).close(); // the VAE trainer's count runs ahead of the wrapper's
        VaeBalancingTrainer trainer = new VaeBalancingTrainer(conditional, new LogisticRegressionTrainer(), 0.5, 9);
        trainer.train(imbalanced);
        Model<Label> model = trainer.train(imbalanced);
        assertEquals(imbalanced.getProvenance(), model.getProvenance().getDatasetProvenance(),
                "the provenance names the data the user trained on, not the balanced copy");
        assertSamePredictions(model, rebuildFromProvenance(model, imbalanced), test);
    }

    @Test
    void transformedModelIsRebuiltFromItsProvenance() {
        VaeFeatureTrainer vae = new VaeFeatureTrainer(Blobs.quickConfig(3));
        vae.trainFeatures(train).close(); // the VAE trainer's count runs ahead of the wrapper's
        VaeTransformTrainer<Label> trainer = new VaeTransformTrainer<>(vae, new LogisticRegressionTrainer());
        try (VaeTransformedModel<Label> model = trainer.train(train);
                VaeTransformedModel<Label> rebuilt = (VaeTransformedModel<Label>) rebuildFromProvenance(model, train)) {
            assertSamePredictions(model, rebuilt, test);
        }
    }

    /**
     * Tribuo's reproducibility workflow: the trainer configured from the model's provenance, trained on the
     * same data at the recorded invocation count.
     */
    private static Model<Label> rebuildFromProvenance(Model<Label> model, MutableDataset<Label> data) {
        TrainerProvenance recorded = model.getProvenance().getTrainerProvenance();
        List<ConfigurationData> configuration = ProvenanceUtil.extractConfiguration(recorded);
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(configuration);
        String name = configuration.stream().filter(c -> c.getClassName().equals(recorded.getClassName()))
                .findFirst().orElseThrow().getName();
        @SuppressWarnings("unchecked")
        Trainer<Label> trainer = (Trainer<Label>) cm.lookup(name);
        int count = ((IntProvenance) recorded.getInstanceValues().get(TrainerProvenance.TRAIN_INVOCATION_COUNT))
                .getValue();
        return trainer.train(data, Map.of(), count);
    }

    private static void assertSamePredictions(Model<Label> expected, Model<Label> actual, MutableDataset<Label> data) {
        List<Prediction<Label>> a = expected.predict(data);
        List<Prediction<Label>> b = actual.predict(data);
        for (int i = 0; i < a.size(); i++) {
            Map<String, Label> scores = a.get(i).getOutputScores();
            for (String label : scores.keySet()) {
                assertEquals(scores.get(label).getScore(), b.get(i).getOutputScores().get(label).getScore(), 0.0,
                        "example " + (i + 1) + ", label " + label);
            }
        }
    }
}
