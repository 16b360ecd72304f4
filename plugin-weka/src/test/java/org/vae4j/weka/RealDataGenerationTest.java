package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.AttributeStats;
import weka.core.Instances;
import weka.core.Utils;
import weka.datagenerators.DataGenerator;
import weka.datagenerators.classifiers.classification.VAEGenerator;
import weka.filters.Filter;
import weka.filters.supervised.instance.VAEOversampler;

/**
 * VAEGenerator on Weka's classic data sets (glass, cpu, credit-g), run as a user runs it (the command line
 * writing an ARFF file): generated numeric values stay within the training range (no negative magnesium or
 * durations), integer attributes stay integers, and a numeric class is generated with plausible values.
 */
class RealDataGenerationTest {

    @TempDir
    Path dir;

    private Instances generate(String file) throws Exception {
        Path out = dir.resolve("generated-" + file);
        DataGenerator.makeData(new VAEGenerator(), Utils.splitOptions("-E 3 -n 300 -S 2 -training "
                + ArffFixtures.file(file) + " -o " + out));
        return ArffFixtures.read(out.toFile());
    }

    /** Checks every numeric attribute of {@code generated} against its range and integrality in {@code training}. */
    private static void assertLikeTraining(Instances training, Instances generated) {
        for (int a = 0; a < training.numAttributes(); a++) {
            if (!training.attribute(a).isNumeric()) {
                continue;
            }
            AttributeStats stats = training.attributeStats(a);
            boolean integer = stats.intCount == stats.totalCount - stats.missingCount;
            int outside = 0;
            int fractional = 0;
            for (int r = 0; r < generated.numInstances(); r++) {
                double v = generated.instance(r).value(a);
                outside += v < stats.numericStats.min || v > stats.numericStats.max ? 1 : 0;
                fractional += integer && v != Math.rint(v) ? 1 : 0;
            }
            String name = training.attribute(a).name();
            assertEquals(0, outside, name + ": generated values outside the training range ["
                    + stats.numericStats.min + ", " + stats.numericStats.max + "]");
            assertEquals(0, fractional, name + ": fractional values of an integer attribute");
        }
    }

    @Test
    void glassGetsNoNegativeContents() throws Exception {
        assertLikeTraining(ArffFixtures.load("glass.arff"), generate("glass.arff"));
    }

    @Test
    void creditGetsNoNegativeDurationsAndWholeYears() throws Exception {
        // Weka's own jar holds credit-g, for its KnowledgeFlow templates.
        Instances training = new Instances(new InputStreamReader(VAEGenerator.class.getResourceAsStream(
                "/weka/gui/beans/templates/credit-g.arff"), StandardCharsets.UTF_8));
        Path file = dir.resolve("credit-g.arff");
        Files.writeString(file, training.toString());
        Path out = dir.resolve("generated-credit-g.arff");
        DataGenerator.makeData(new VAEGenerator(), Utils.splitOptions("-E 3 -n 300 -S 2 -training " + file + " -o "
                + out));
        assertLikeTraining(training, ArffFixtures.read(out.toFile()));
    }

    @Test
    void aNumericClassIsGeneratedWithPlausibleValues() throws Exception {
        Instances training = ArffFixtures.load("cpu.arff");
        Instances generated = generate("cpu.arff");
        int classIndex = generated.numAttributes() - 1;
        assertEquals(0, generated.attributeStats(classIndex).missingCount, "generated rows without a class value");
        assertLikeTraining(training, generated);
    }

    @Test
    void aNumericClassNextToANominalAttributeIsGeneratedWithinItsRange() throws Exception {
        Instances training = ArffFixtures.load("cpu.with.vendor.arff");
        Instances generated = generate("cpu.with.vendor.arff");
        int classIndex = generated.numAttributes() - 1;
        assertEquals("class", generated.attribute(classIndex).name());
        assertEquals(0, generated.attributeStats(classIndex).missingCount, "generated rows without a class value");
        assertEquals(0, generated.attributeStats(0).missingCount, "generated rows without a vendor");
        assertLikeTraining(training, generated);
    }

    @Test
    void numbersComeBackAsTheDecimalsTheyWere() throws Exception {
        Instances glass = ArffFixtures.load("glass.arff");
        glass.setClassIndex(-1);
        InstancesSchema schema = InstancesSchema.unconditional(glass);
        Instances back = schema.toInstances(schema.trainingTable(glass));
        int silicon = glass.attribute("Si").index();
        for (int r = 0; r < glass.numInstances(); r++) {
            assertEquals(glass.instance(r).value(silicon), back.instance(r).value(silicon), 0.0, "row " + (r + 1));
        }
    }

    @Test
    void theOversamplerSaysItNeedsANominalClass() throws Exception {
        Instances cpu = ArffFixtures.load("cpu.arff");
        cpu.setClassIndex(cpu.numAttributes() - 1);
        VAEOversampler oversampler = new VAEOversampler();
        Exception e = assertThrows(Exception.class, () -> {
            oversampler.setInputFormat(cpu);
            Filter.useFilter(cpu, oversampler);
        });
        assertTrue(e.getMessage().contains("nominal class"), e.getMessage());
    }
}
