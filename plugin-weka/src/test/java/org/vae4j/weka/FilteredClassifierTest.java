package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.classifiers.Classifier;
import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.filters.unsupervised.attribute.VariationalAutoencoder;

/** A FilteredClassifier with the VAE filter, trained, saved with -d, reloaded with -l and evaluated. */
class FilteredClassifierTest {

    @TempDir
    Path dir;

    @Test
    void savedAndReloadedModelGivesIdenticalResults() throws Exception {
        String train = ArffFixtures.file("diabetes-train.arff").toString();
        String test = ArffFixtures.file("diabetes-test.arff").toString();
        String model = dir.resolve("vae-logistic.model").toString();
        String filter = "weka.filters.unsupervised.attribute.VariationalAutoencoder -L 4 -E 15 -S 5";

        String trained = Evaluation.evaluateModel(new FilteredClassifier(), Utils.splitOptions("-t " + train + " -T "
                + test + " -d " + model + " -F \"" + filter + "\" -W weka.classifiers.functions.Logistic"));
        String reloaded = Evaluation.evaluateModel(new FilteredClassifier(),
                Utils.splitOptions("-l " + model + " -T " + test));
        assertEquals(testSection(trained), testSection(reloaded));
        assertTrue(testSection(trained).contains("Correctly Classified Instances"), trained);

        // The same predictions, row by row, from the unsaved classifier and the reloaded one.
        FilteredClassifier unsaved = new FilteredClassifier();
        unsaved.setOptions(Utils.splitOptions("-F \"" + filter + "\" -W weka.classifiers.functions.Logistic"));
        unsaved.buildClassifier(ArffFixtures.load("diabetes-train.arff"));
        Classifier loaded = (Classifier) SerializationHelper.read(model);
        Instances rows = ArffFixtures.load("diabetes-test.arff");
        for (int r = 0; r < rows.numInstances(); r++) {
            assertArrayEquals(unsaved.distributionForInstance(rows.instance(r)),
                    loaded.distributionForInstance(rows.instance(r)), 1e-6, "row " + r);
        }
        Evaluation evaluation = new Evaluation(rows);
        evaluation.evaluateModel(loaded, rows);
        assertTrue(evaluation.pctCorrect() > 60, "accuracy " + evaluation.pctCorrect());
    }

    @Test
    void posteriorSamplesClassifyTheSameRowByRowAsInOneBatch() throws Exception {
        Instances train = ArffFixtures.load("diabetes-train.arff");
        Instances test = ArffFixtures.load("diabetes-test.arff");
        FilteredClassifier classifier = new FilteredClassifier();
        classifier.setOptions(Utils.splitOptions("-F \"weka.filters.unsupervised.attribute.VariationalAutoencoder"
                + " -output sample -L 3 -E 10\" -W weka.classifiers.trees.J48"));
        classifier.buildClassifier(train);
        double[][] rowByRow = new double[test.numInstances()][];
        for (int r = 0; r < rowByRow.length; r++) {
            rowByRow[r] = classifier.distributionForInstance(test.instance(r));
        }

        // The same trained filter and tree, with the test rows filtered as one batch.
        VariationalAutoencoder filter = (VariationalAutoencoder) classifier.getFilter();
        assertTrue(filter.input(test));
        for (int r = 0; r < rowByRow.length; r++) {
            assertArrayEquals(classifier.getClassifier().distributionForInstance(filter.output()), rowByRow[r], 1e-9,
                    "row " + (r + 1));
        }
    }

    private static String testSection(String output) {
        int start = output.indexOf("=== Error on test data ===");
        int end = output.indexOf("=== Confusion Matrix ===", start);
        return output.substring(start, end < 0 ? output.length() : end).lines()
                // -l has no training data, so Weka leaves out the errors relative to the training priors.
                .filter(line -> !line.startsWith("Time taken") && !line.toLowerCase().contains("relative") && !line.isBlank())
                .collect(Collectors.joining("\n"));
    }
}
