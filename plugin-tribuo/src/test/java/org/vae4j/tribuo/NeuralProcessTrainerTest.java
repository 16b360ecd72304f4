package org.vae4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.property.ListProperty;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.vae4j.np.NeuralProcessOptions;
import org.vae4j.options.ComponentRegistry;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.options.OtherValues;

/**
 * {@link NeuralProcessTrainer}: every option of {@link NeuralProcessOptions} is an OLCUT field starting at the
 * registry's default, configured, recorded in provenance and replayed from it; its model's predictions carry
 * variances, follow the data, and survive protobuf and Java serialization.
 */
class NeuralProcessTrainerTest {

    private static final String[] OUTPUTS = {"a", "b"};
    private static MutableDataset<Regressor> data;
    private static NeuralProcessModel model;

    /** Two outputs of two features: a = sin(x1) + x2, b = x1 - x2, with a little noise. */
    static MutableDataset<Regressor> dataset(int n, long seed) {
        Random random = new Random(seed);
        MutableDataset<Regressor> out = new MutableDataset<>(new SimpleDataSourceProvenance("waves",
                new RegressionFactory()), new RegressionFactory());
        for (int i = 0; i < n; i++) {
            double x1 = random.nextDouble() * 4 - 2;
            double x2 = random.nextDouble() * 2 - 1;
            Regressor y = new Regressor(OUTPUTS, new double[] {Math.sin(x1) + x2 + 0.05 * random.nextGaussian(),
                x1 - x2 + 0.05 * random.nextGaussian()});
            out.add(new ArrayExample<>(y, new String[] {"x1", "x2"}, new double[] {x1, x2}));
        }
        return out;
    }

    private static NeuralProcessTrainer small(long seed) {
        return new NeuralProcessTrainer(NeuralProcessOptions.of(Map.of("model", "cnp", "representationDim", 32,
                "hidden", List.of(32), "steps", 80, "batchSize", 4, "learningRate", 0.01, "maxContext", 60,
                "maxTargets", 60, "seed", seed, "device", "cpu")));
    }

    @BeforeAll
    static void train() {
        data = dataset(150, 1);
        model = small(3).train(data);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void predictionsCarryVariancesAndFollowTheData() {
        MutableDataset<Regressor> test = dataset(60, 2);
        List<Prediction<Regressor>> predictions = model.predict(test);
        double squared = 0;
        double spread = 0;
        for (int i = 0; i < predictions.size(); i++) {
            Regressor predicted = predictions.get(i).getOutput();
            Regressor truth = test.getExample(i).getOutput();
            assertEquals(List.of(OUTPUTS), List.of(predicted.getNames()));
            for (int j = 0; j < OUTPUTS.length; j++) {
                double variance = predicted.getVariances()[j];
                assertTrue(variance > 0 && Double.isFinite(variance), "variance " + variance);
                double error = predicted.getValues()[j] - truth.getValues()[j];
                squared += error * error;
                spread += truth.getValues()[j] * truth.getValues()[j];
            }
        }
        // The targets have mean near 0: a model that learned nothing has an error near their spread.
        assertTrue(squared < 0.5 * spread, "squared error " + squared + " against spread " + spread);
    }

    @Test
    void theModelRecordsTheTrainerAndItsOptionsInProvenance() {
        TrainerProvenance provenance = model.getProvenance().getTrainerProvenance();
        assertEquals(NeuralProcessTrainer.class.getName(), provenance.getClassName());
        for (OptionDescription option : NeuralProcessOptions.ALL) {
            assertTrue(provenance.getConfiguredParameters().containsKey(option.name()), option.name());
        }
        assertEquals(data.getProvenance(), model.getProvenance().getDatasetProvenance());
    }

    private static NeuralProcessTrainer configured(Map<String, String> options) {
        return OlcutConfigs.configured(NeuralProcessTrainer.class, NeuralProcessOptions.ALL, options);
    }

    @Test
    void everyOptionIsAConfigFieldStartingAtItsDefault() throws Exception {
        NeuralProcessTrainer trainer = configured(Map.of());
        for (OptionDescription option : NeuralProcessOptions.ALL) {
            Field field = OptionFields.field(trainer, option);
            assertNotNull(field.getAnnotation(Config.class), option.name() + " is not an OLCUT @Config field");
            assertEquals(option.defaultText(), OptionFields.text(option, field.get(trainer)), option.name());
        }
        assertEquals(NeuralProcessOptions.defaults(), trainer.options(1));
    }

    @Test
    void everyOptionIsConfiguredRecordedAndReplayed() {
        Map<String, String> other = new LinkedHashMap<>();
        for (OptionDescription option : NeuralProcessOptions.ALL) {
            other.put(option.name(), OtherValues.of(option, ComponentRegistry.standard()));
        }
        NeuralProcessTrainer trainer = configured(other);
        long seed = Long.parseLong(other.get(NeuralProcessOptions.SEED.name()));
        for (OptionDescription option : NeuralProcessOptions.ALL) {
            assertEquals(option.format(option.parse(other.get(option.name()))), trainer.options(seed)
                    .text(option.name()), option.name());
        }
        TrainerProvenance provenance = trainer.getProvenance();
        ConfigurationManager cm = new ConfigurationManager();
        List<ConfigurationData> replay = ProvenanceUtil.extractConfiguration(provenance);
        cm.addConfiguration(replay);
        NeuralProcessTrainer replayed = (NeuralProcessTrainer) cm.lookup(replay.get(0).getName());
        assertEquals(provenance, replayed.getProvenance());
        assertEquals(trainer.options(seed), replayed.options(seed));
    }

    @Test
    void anInvalidOptionFailsConfigurationByName() {
        PropertyException e = assertThrows(PropertyException.class, () -> configured(Map.of("steps", "0")));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
    }

    private static void assertSamePredictions(Model<Regressor> expected, Model<Regressor> actual) {
        List<Example<Regressor>> rows = data.getData().subList(0, 10);
        List<Prediction<Regressor>> a = expected.predict(rows);
        List<Prediction<Regressor>> b = actual.predict(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(a.get(i).getOutput().fullEquals(b.get(i).getOutput(), 1e-9), "row " + i + ": "
                    + a.get(i).getOutput() + " against " + b.get(i).getOutput());
        }
    }

    @Test
    void aProtobufCopyPredictsTheSame() {
        NeuralProcessModel copy = (NeuralProcessModel) Model.deserialize(model.serialize());
        try (copy) {
            assertSamePredictions(model, copy);
            assertEquals(model.getProvenance(), copy.getProvenance());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJavaSerializedCopyPredictsTheSame() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()));
                NeuralProcessModel copy = (NeuralProcessModel) in.readObject()) {
            assertSamePredictions(model, copy);
        }
    }

    @Test
    void theSameInvocationGivesTheSameModel() {
        NeuralProcessTrainer trainer = small(3);
        try (NeuralProcessModel again = trainer.train(data)) {
            assertSamePredictions(model, again);
        }
    }
}
