package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.np.NeuralProcessOptions;
import org.vae4j.options.ComponentRegistry;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.options.OptionValues;
import org.vae4j.options.OtherValues;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.NeuralProcess;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * The neural-process classifier in Weka: its options come from {@link NeuralProcessOptions} and round-trip, a
 * serialized copy predicts as the original, it runs under Weka's Evaluation on the CPU performance data, and
 * its capabilities refuse a nominal class by name.
 */
class NeuralProcessClassifierTest {

    /** A small budget: a few seconds of training on the CPU performance data. */
    private static final String[] SMALL = {"-model", "cnp", "-representation", "16", "-hidden", "16", "-steps",
        "20", "-batch", "2", "-max-context", "32", "-max-targets", "32", "-lr", "0.01", "-device", "cpu"};

    private static Instances cpu;

    /** The Weka property of an option: named as the option, but batchSize, which every Weka classifier has. */
    private static String property(OptionDescription option) {
        return option == NeuralProcessOptions.BATCH_SIZE ? "taskBatchSize" : option.name();
    }

    @BeforeAll
    static void load() throws Exception {
        cpu = ArffFixtures.load("cpu.with.vendor.arff");
    }

    private static NeuralProcess small() throws Exception {
        NeuralProcess classifier = new NeuralProcess();
        classifier.setOptions(SMALL.clone());
        return classifier;
    }

    @Test
    void everyOptionIsAPropertyWithATipTextAndTheRegistryDefault() throws Exception {
        NeuralProcess fresh = new NeuralProcess();
        PropertyDescriptor[] properties = Introspector.getBeanInfo(NeuralProcess.class).getPropertyDescriptors();
        for (OptionDescription option : NeuralProcessSettings.options()) {
            PropertyDescriptor property = Arrays.stream(properties).filter(p -> p.getName().equals(property(option)))
                    .findFirst().orElse(null);
            assertNotNull(property, "no property " + property(option));
            assertNotNull(property.getWriteMethod(), option.name());
            String tip = (String) NeuralProcess.class.getMethod(property(option) + "TipText").invoke(fresh);
            assertEquals(option.fullHelp(), tip, option.name());
            Object value = property.getReadMethod().invoke(fresh);
            String text = value instanceof SelectedTag tag ? tag.getSelectedTag().getIDStr()
                    : value instanceof String s ? s : option.format(value);
            assertEquals(option.format(option.defaultValue()), text, "default of " + option.name());
        }
        assertFalse(NeuralProcessSettings.options().contains(NeuralProcessOptions.SEED), "the seed is -S");
    }

    @Test
    void everyOptionRoundTripsAndReachesTheTrainingOptions() throws Exception {
        List<String> args = new ArrayList<>(List.of("-S", "7"));
        for (OptionDescription option : NeuralProcessSettings.options()) {
            String other = OtherValues.of(option, ComponentRegistry.standard());
            if (option.type() != OptionType.BOOLEAN) {
                args.add("-" + option.commandFlag());
                args.add(other);
            }
        }
        NeuralProcess classifier = new NeuralProcess();
        classifier.setOptions(args.toArray(new String[0]));
        OptionValues values = classifier.neuralProcessSettings().toValues(classifier.getSeed());
        for (OptionDescription option : NeuralProcessSettings.options()) {
            String other = OtherValues.of(option, ComponentRegistry.standard());
            assertEquals(option.format(option.parse(other)), values.text(option.name()), option.name());
        }
        assertEquals(7L, values.longValue(NeuralProcessOptions.SEED.name()));
        NeuralProcess copy = new NeuralProcess();
        copy.setOptions(classifier.getOptions());
        assertArrayEquals(classifier.getOptions(), copy.getOptions());

        String bad = assertThrows(IllegalArgumentException.class,
                () -> new NeuralProcess().setOptions(new String[] {"-steps", "0"})).getMessage();
        assertTrue(bad.contains("-steps") && bad.contains("steps"), bad);
    }

    @Test
    void passesWekasOptionAndGuiChecks() throws Exception {
        CheckOptionHandler options = new CheckOptionHandler();
        options.setSilent(true);
        options.setOptionHandler(new NeuralProcess());
        options.setUserOptions(Utils.splitOptions("-steps 5 -hidden 8 -S 9"));
        assertTrue(options.checkListOptions() && options.checkSetOptions() && options.checkDefaultOptions()
                && options.checkRemainingOptions() && options.checkCanonicalUserOptions()
                && options.checkResettingOptions());
        CheckGOE goe = new CheckGOE();
        goe.setSilent(true);
        goe.setObject(new NeuralProcess());
        goe.setIgnoredProperties("capabilities,options");
        assertTrue(goe.checkGlobalInfo() && goe.checkToolTips());
    }

    @Test
    void aSerializedCopyPredictsAsTheOriginal() throws Exception {
        NeuralProcess trained = small();
        trained.buildClassifier(cpu);
        NeuralProcess copy = (NeuralProcess) SerializationHelper.read(new java.io.ByteArrayInputStream(
                serialize(trained)));
        for (int i = 0; i < 5; i++) {
            Instance row = cpu.instance(i * 40);
            assertEquals(trained.classifyInstance(row), copy.classifyInstance(row), 1e-9, "row " + i);
            assertArrayEquals(trained.predictIntervals(row, 0.9)[0], copy.predictIntervals(row, 0.9)[0], 1e-9);
            assertEquals(trained.logDensity(row, row.classValue()), copy.logDensity(row, row.classValue()), 1e-9);
        }
        double[] interval = trained.predictIntervals(cpu.instance(0), 0.95)[0];
        double mean = trained.classifyInstance(cpu.instance(0));
        assertTrue(interval[0] < mean && mean < interval[1], Arrays.toString(interval) + " around " + mean);
        double[] narrower = trained.predictIntervals(cpu.instance(0), 0.5)[0];
        assertTrue(narrower[1] - narrower[0] < interval[1] - interval[0], "a lower confidence gives a narrower interval");
    }

    private static byte[] serialize(Object o) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        SerializationHelper.write(bytes, o);
        return bytes.toByteArray();
    }

    @Test
    void tenFoldCrossValidationOnTheCpuData() throws Exception {
        Evaluation evaluation = new Evaluation(cpu);
        evaluation.crossValidateModel(small(), cpu, 10, new Random(1));
        assertEquals(cpu.numInstances(), (int) evaluation.numInstances());
        assertTrue(Double.isFinite(evaluation.rootMeanSquaredError()), evaluation.toSummaryString());
        // Better than predicting the training mean, which a relative error of 100 % stands for.
        assertTrue(evaluation.rootRelativeSquaredError() < 100, evaluation.toSummaryString());
        assertTrue(evaluation.coverageOfTestCasesByPredictedRegions() > 50, evaluation.toSummaryString());
    }

    @Test
    void aNominalClassIsRefusedByName() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        Exception e = assertThrows(Exception.class, () -> small().buildClassifier(iris));
        assertTrue(e.getMessage().contains("nominal class"), e.getMessage());
    }

    @Test
    void predictingBeforeTrainingIsAClearError() {
        Exception e = assertThrows(IllegalStateException.class,
                () -> new NeuralProcess().classifyInstance(cpu.instance(0)));
        assertTrue(e.getMessage().contains("not been trained"), e.getMessage());
    }

    @Test
    void isAClassifierWekaCanMakeByName() throws Exception {
        Classifier made = AbstractClassifier.forName("weka.classifiers.functions.NeuralProcess",
                new String[] {"-steps", "3"});
        assertEquals("3", ((NeuralProcess) made).neuralProcessSettings().texts().get("steps"));
    }
}
