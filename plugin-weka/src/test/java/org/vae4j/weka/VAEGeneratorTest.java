package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.vae.Vae;

import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;
import weka.datagenerators.DataGenerator;
import weka.datagenerators.classifiers.classification.VAEGenerator;

/** The VAE data generator, from a training file and from a saved model file. */
class VAEGeneratorTest {

    @TempDir
    Path dir;

    private static VAEGenerator generator(String options) throws Exception {
        VAEGenerator generator = new VAEGenerator();
        generator.setOptions(Utils.splitOptions("-E 20 " + options));
        return generator;
    }

    @Test
    void commandLineWritesAnArffWithTheTrainingAttributes() throws Exception {
        Path out = dir.resolve("generated.arff");
        DataGenerator.makeData(new VAEGenerator(), Utils.splitOptions("-E 20 -n 40 -training "
                + ArffFixtures.file("breast-cancer.arff") + " -o " + out));
        Instances generated = ArffFixtures.read(out.toFile());
        Instances training = ArffFixtures.load("breast-cancer.arff");
        generated.setClassIndex(generated.numAttributes() - 1);
        assertEquals(40, generated.numInstances());
        training.setRelationName(generated.relationName());
        assertTrue(training.equalHeaders(generated), training.equalHeadersMsg(generated));
    }

    @Test
    void oneClassValueOnly() throws Exception {
        VAEGenerator generator = generator("-n 25 -class-value Iris-virginica -training " + ArffFixtures.file("iris.arff"));
        Instances format = generator.defineDataFormat();
        assertEquals(25, generator.getNumExamplesAct());
        Instances generated = new Instances(format, 0);
        for (int i = 0; i < generator.getNumExamplesAct(); i++) {
            generated.add(generator.generateExample());
        }
        assertArrayEquals(new int[] {0, 0, 25}, generated.attributeStats(4).nominalCounts);
        double meanPetalLength = generated.meanOrMode(2);
        assertTrue(meanPetalLength > 4.5, "virginica petals are long, got mean " + meanPetalLength);
    }

    @Test
    void fromASavedModelFile() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        InstancesSchema schema = InstancesSchema.conditional(iris);
        Path model = dir.resolve("iris.vae");
        try (TrainedVae trained = TrainedVae.train(schema.trainingTable(iris), new VaeSettings().toConfig(3).toBuilder().epochs(20).build(), null)) {
            Vae vae = trained.vae();
            vae.save(model);
        }
        VAEGenerator generator = generator("-n 30 -S 4 -model " + model);
        Instances format = generator.defineDataFormat();
        iris.setRelationName(format.relationName());
        assertTrue(iris.equalHeaders(format), iris.equalHeadersMsg(format));
        assertEquals(30, generator.generateExamples().numInstances());
    }

    @Test
    void aNominalAttributeWithoutValuesIsGeneratedMissing() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        iris.insertAttributeAt(new Attribute("unused", new ArrayList<String>()), 1);
        Path training = dir.resolve("iris-unused.arff");
        Files.writeString(training, iris.toString());
        Path out = dir.resolve("generated.arff");
        DataGenerator.makeData(new VAEGenerator(), Utils.splitOptions("-E 5 -n 20 -training " + training + " -o " + out));
        Instances generated = ArffFixtures.read(out.toFile());
        assertEquals(20, generated.numInstances());
        assertEquals(20, generated.attributeStats(1).missingCount);
        assertEquals(0, generated.attributeStats(0).missingCount);
    }

    @Test
    void aClassThatCannotConditionIsModelledLikeAnyAttribute() throws Exception {
        VAEGenerator numericClass = generator("-E 5 -n 20 -class first -training " + ArffFixtures.file("iris.arff"));
        numericClass.defineDataFormat();
        Instances generated = numericClass.generateExamples();
        assertEquals(0, generated.attributeStats(0).missingCount);
        assertEquals(0, generated.attributeStats(4).missingCount);

        Instances iris = ArffFixtures.load("iris.arff");
        iris.insertAttributeAt(new Attribute("unused", new ArrayList<String>()), iris.numAttributes());
        Path training = dir.resolve("iris-unused-last.arff");
        Files.writeString(training, iris.toString());
        VAEGenerator valuelessClass = generator("-E 5 -n 20 -training " + training);
        valuelessClass.defineDataFormat();
        generated = valuelessClass.generateExamples();
        assertEquals(20, generated.attributeStats(5).missingCount);
        assertEquals(0, generated.attributeStats(4).missingCount);
    }

    @Test
    void trainingRowsWithoutAClassAreSkippedAndCounted() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        for (int r = 0; r < 7; r++) {
            iris.instance(r * 20).setClassMissing();
        }
        Path training = dir.resolve("iris-unlabelled.arff");
        Files.writeString(training, iris.toString());
        Path out = dir.resolve("generated.arff");
        DataGenerator.makeData(new VAEGenerator(), Utils.splitOptions("-E 5 -n 30 -training " + training + " -o " + out));
        assertTrue(Files.readString(out).contains("skipped 7 training rows without a class value"),
                Files.readString(out));
        Instances generated = ArffFixtures.read(out.toFile());
        assertEquals(30, generated.numInstances());
        assertEquals(0, generated.attributeStats(4).missingCount);
    }

    @Test
    void aBadTrainingValueIsNamedByItsRowCountedFromOne() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        iris.instance(0).setClassMissing();
        iris.instance(4).setValue(2, 1e39);
        Path training = dir.resolve("iris-huge.arff");
        Files.writeString(training, iris.toString());
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> generator("-n 5 -training " + training).defineDataFormat());
        assertTrue(e.getMessage().contains("row 5,") && e.getMessage().contains("'petallength'"), e.getMessage());
    }

    /**
     * -traverse 51 gives -n instances per latent dimension; a sweep over [-3, 3] in 3 steps passes through 0, so
     * when the row's code is 0 in that dimension the middle instance is the row's reconstruction. Checked here
     * against the model's own traversal of the same row, and the row's class is kept.
     */
    @Test
    void traversalsOfATrainingRowInsteadOfSamples() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        iris.setClassIndex(iris.numAttributes() - 1);
        Path model = dir.resolve("iris.vae");
        try (TrainedVae trained = TrainedVae.train(InstancesSchema.conditional(iris).trainingTable(iris),
                new VaeSettings().toConfig(3).toBuilder().latentDim(2).epochs(5).build(), null)) {
            trained.vae().save(model);
        }
        VAEGenerator generator = generator("-n 3 -traverse 51 -model " + model + " -training "
                + ArffFixtures.file("iris.arff"));
        Instances format = generator.defineDataFormat();
        assertEquals(6, generator.getNumExamplesAct(), "2 latent dimensions x 3 steps");
        Instances traversed = generator.generateExamples();
        assertEquals(6, traversed.numInstances());
        try (Vae vae = Vae.load(model)) {
            InstancesSchema schema = InstancesSchema.of(vae.schema(), "iris");
            org.vae4j.data.Table row = schema.toTable(new Instances(iris, 50, 1), 51);
            org.vae4j.data.Table expected = vae.traverse(row, 0, new org.vae4j.vae.TraversalGrid(-3, 3, 3)).allRows();
            for (int i = 0; i < 6; i++) {
                for (int a = 0; a < 4; a++) {
                    assertEquals(expected.value(i, a), traversed.instance(i).value(a), 1e-5, "instance " + i);
                }
                assertEquals("Iris-versicolor", traversed.instance(i).stringValue(4), "row 51's class");
            }
            double[] code = vae.encodeMeans(row)[0];
            double[][] first = {code.clone()};
            first[0][0] = -3;
            assertEquals(vae.decode(first, new int[] {1}).value(0, 2), traversed.instance(0).value(2), 1e-5,
                    "dimension 0 at -3, dimension 1 at the row's code");
        }
        assertTrue(traversed.instance(0).value(2) != traversed.instance(2).value(2)
                || traversed.instance(0).value(0) != traversed.instance(2).value(0), "the sweep moves the row");
        iris.setRelationName(format.relationName());
        assertTrue(iris.equalHeaders(format), iris.equalHeadersMsg(format));
    }

    @Test
    void traversalOptionsThatCannotWorkAreNamed() throws Exception {
        String iris = ArffFixtures.file("iris.arff").toString();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> generator("-E 1 -n 3 -traverse 151 -training "
                + iris).defineDataFormat()).getMessage().contains("row 151"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> generator("-E 1 -n 1 -traverse 2 -training "
                + iris).defineDataFormat()).getMessage().contains("-n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> generator("-E 1 -n 3 -traverse 2")
                .defineDataFormat()).getMessage().contains("-training"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> generator("-E 1 -n 3 -traverse 2 -class-value "
                + "Iris-setosa -training " + iris).defineDataFormat()).getMessage().contains("-class-value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> generator("-traverse x")).getMessage()
                .contains("-traverse"));
        VAEGenerator trained = new VAEGenerator();
        trained.setOptions(Utils.splitOptions("-E 1 -n 4 -traverse 7 -training " + iris));
        trained.defineDataFormat();
        assertEquals(4 * trained.getLatentDim(), trained.getNumExamplesAct());
    }

    @Test
    void optionsRoundTrip() throws Exception {
        VAEGenerator generator = generator("-n 12 -S 8 -training " + ArffFixtures.file("iris.arff")
                + " -class first -class-value x -L 3 -traverse 4");
        VAEGenerator copy = new VAEGenerator();
        copy.setOptions(generator.getOptions());
        assertArrayEquals(generator.getOptions(), copy.getOptions());
        assertEquals("first", copy.getClassIndex());
        assertEquals(3, copy.getLatentDim());
        assertEquals(4, copy.getTraverseRow());
    }

    @Test
    void badInputIsExplained() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VAEGenerator().defineDataFormat())
                .getMessage().contains("-training"));
        VAEGenerator unknownClass = generator("-E 1 -class-value Iris-blue -training " + ArffFixtures.file("iris.arff"));
        assertTrue(assertThrows(IllegalArgumentException.class, unknownClass::defineDataFormat).getMessage()
                .contains("Iris-blue"));
        VAEGenerator badIndex = generator("-E 1 -class 9 -training " + ArffFixtures.file("iris.arff"));
        assertTrue(assertThrows(IllegalArgumentException.class, badIndex::defineDataFormat).getMessage()
                .contains("-class"));
    }
}
