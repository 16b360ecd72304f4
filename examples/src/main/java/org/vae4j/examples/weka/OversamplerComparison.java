package org.vae4j.examples.weka;

import java.util.Random;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.supervised.instance.VAEOversampler;

/**
 * Does the conditional-VAE oversampler help a classifier on imbalanced data? Compares the minority
 * class's F1 from 10-fold cross-validation of a classifier alone and inside a FilteredClassifier with
 * {@link VAEOversampler} (which oversamples each training fold only).
 *
 * <p>Usage: {@code OversamplerComparison <data.arff> [classifier spec] [oversampler options]}, the class
 * being the last attribute; defaults: J48 and {@code -E 50}.
 */
public final class OversamplerComparison {

    private OversamplerComparison() {}

    /** Runs the comparison and prints both F1 values. */
    public static void main(String[] args) throws Exception {
        Instances data = ArffArgument.dataOrExit(args, "OversamplerComparison <data.arff> [classifier spec] [oversampler options]");
        String classifierSpec = args.length > 1 ? args[1] : "weka.classifiers.trees.J48";
        String oversamplerOptions = args.length > 2 ? args[2] : "-E 50";

        int minority = minorityClass(data);
        double without = minorityF1(classifier(classifierSpec), data, minority);

        FilteredClassifier balanced = new FilteredClassifier();
        VAEOversampler oversampler = new VAEOversampler();
        oversampler.setOptions(Utils.splitOptions(oversamplerOptions));
        balanced.setFilter(oversampler);
        balanced.setClassifier(classifier(classifierSpec));
        double with = minorityF1(balanced, data, minority);

        System.out.printf("data %s, minority class '%s' (%d of %d), classifier %s, 10-fold CV (seed 1)%n",
                data.relationName(), data.classAttribute().value(minority),
                data.attributeStats(data.classIndex()).nominalCounts[minority], data.numInstances(), classifierSpec);
        System.out.printf("minority F1 without oversampling: %.4f%n", without);
        System.out.printf("minority F1 with VAEOversampler %s: %.4f%n", oversamplerOptions, with);
    }

    private static Classifier classifier(String spec) throws Exception {
        String[] parts = Utils.splitOptions(spec);
        String name = parts[0];
        parts[0] = "";
        return AbstractClassifier.forName(name, parts);
    }

    private static int minorityClass(Instances data) {
        int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
        int minority = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > 0 && counts[c] < counts[minority]) {
                minority = c;
            }
        }
        return minority;
    }

    private static double minorityF1(Classifier classifier, Instances data, int minority) throws Exception {
        Evaluation evaluation = new Evaluation(data);
        evaluation.crossValidateModel(classifier, data, 10, new Random(1));
        return evaluation.fMeasure(minority);
    }
}
