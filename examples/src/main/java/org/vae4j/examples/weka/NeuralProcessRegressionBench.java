package org.vae4j.examples.weka;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.ConditionalDensityEstimator;
import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.functions.GaussianProcesses;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.NeuralProcess;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The neural-process classifier beside Weka's GaussianProcesses and LinearRegression on numeric-class data:
 * RMSE (from Weka's Evaluation), the coverage of the 95 % prediction intervals, and the mean predictive
 * log-likelihood of the held-out class values (natural log, in the class's units) under the same 10-fold
 * cross-validation (seed 1) for every classifier. The log-likelihood is each classifier's
 * {@link ConditionalDensityEstimator#logDensity} where it has one; LinearRegression has none, so it is scored
 * with a Gaussian around its prediction whose variance is the mean squared residual on the training fold.
 *
 * <p>Usage (the class is the last attribute of each file):
 * <pre>
 * mvn -q -o package -DskipTests -pl examples -am
 * java -cp "examples/target/classes:examples/target/lib/*" org.vae4j.examples.weka.NeuralProcessRegressionBench \
 *     /usr/share/doc/weka/examples/cpu.with.vendor.arff /usr/share/doc/weka/examples/cpu.arff
 * </pre>
 * with the data sets of Debian's {@code weka} package ({@code /usr/share/doc/weka/examples}). The system
 * property {@code np.options} replaces the neural processes' training budget ({@link #BUDGET}).
 */
public final class NeuralProcessRegressionBench {

    /** The neural processes' default training budget: small, for a shared CPU. */
    static final String BUDGET = "-representation 32 -latent 32 -hidden 32 -steps 100 -batch 4 -lr 0.005 "
            + "-max-context 100 -max-targets 100 -prediction-samples 8 -device cpu";

    private static final int FOLDS = 10;

    private NeuralProcessRegressionBench() {}

    /** One classifier's scores over the folds (coverage NaN for a classifier without prediction intervals). */
    record Scores(double rmse, double coverage, double meanLogLikelihood, double seconds) {}

    /** Runs the comparison on every file given and prints a table per file. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: NeuralProcessRegressionBench <data.arff>...  (numeric class last)");
            System.exit(2);
        }
        String budget = System.getProperty("np.options", BUDGET);
        System.out.printf("%d-fold cross-validation (seed 1); neural processes trained with: %s%n", FOLDS, budget);
        for (String file : args) {
            Instances data = DataSource.read(file);
            data.setClassIndex(data.numAttributes() - 1);
            System.out.printf("%n%s: %d rows, %d attributes, class '%s'%n", file, data.numInstances(),
                    data.numAttributes() - 1, data.classAttribute().name());
            System.out.printf("| %-44s | %10s | %12s | %16s | %8s |%n", "classifier", "RMSE", "95% coverage",
                    "mean log-lik", "seconds");
            System.out.println("|" + "-".repeat(46) + "|" + "-".repeat(12) + "|" + "-".repeat(14) + "|"
                    + "-".repeat(18) + "|" + "-".repeat(10) + "|");
            for (String spec : classifiers(budget)) {
                Scores s = crossValidate(spec, data);
                String coverage = Double.isNaN(s.coverage()) ? "n/a" : String.format("%.1f%%", s.coverage());
                System.out.printf("| %-44s | %10.3f | %12s | %16.3f | %8.1f |%n", label(spec), s.rmse(), coverage,
                        s.meanLogLikelihood(), s.seconds());
            }
        }
    }

    private static List<String> classifiers(String budget) {
        return List.of(NeuralProcess.class.getName() + " -model cnp " + budget,
                NeuralProcess.class.getName() + " -model np " + budget,
                GaussianProcesses.class.getName(),
                GaussianProcesses.class.getName() + " -K weka.classifiers.functions.supportVector.RBFKernel",
                LinearRegression.class.getName());
    }

    private static String label(String spec) {
        String[] parts = spec.split(" ");
        String name = parts[0].substring(parts[0].lastIndexOf('.') + 1);
        if (spec.contains("-model ")) {
            return name + " (" + parts[2] + ")";
        }
        return spec.contains("RBFKernel") ? name + " (RBF kernel)" : spec.contains("GaussianProcesses")
                ? name + " (default: linear kernel)" : name;
    }

    /** Cross-validates the classifier {@code spec} as Weka's Evaluation does, scoring log-likelihoods too. */
    static Scores crossValidate(String spec, Instances dataset) throws Exception {
        Instances data = new Instances(dataset);
        Random random = new Random(1);
        data.randomize(random);
        Evaluation evaluation = new Evaluation(data);
        double logLikelihood = 0;
        int scored = 0;
        long start = System.nanoTime();
        for (int fold = 0; fold < FOLDS; fold++) {
            Instances train = data.trainCV(FOLDS, fold, random);
            Instances test = data.testCV(FOLDS, fold);
            Classifier classifier = make(spec);
            classifier.buildClassifier(train);
            evaluation.evaluateModel(classifier, test);
            double residualVariance = classifier instanceof ConditionalDensityEstimator ? Double.NaN
                    : meanSquaredResidual(classifier, train);
            for (Instance row : test) {
                if (row.classIsMissing()) {
                    continue;
                }
                logLikelihood += classifier instanceof ConditionalDensityEstimator density
                        ? density.logDensity(row, row.classValue())
                        : gaussianLogDensity(row.classValue(), classifier.classifyInstance(row), residualVariance);
                scored++;
            }
            if (classifier instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Scores(evaluation.rootMeanSquaredError(), evaluation.coverageOfTestCasesByPredictedRegions(),
                logLikelihood / scored, seconds);
    }

    private static Classifier make(String spec) throws Exception {
        String[] parts = Utils.splitOptions(spec);
        String name = parts[0];
        parts[0] = "";
        return AbstractClassifier.forName(name, parts);
    }

    private static double meanSquaredResidual(Classifier classifier, Instances train) throws Exception {
        List<Double> squared = new ArrayList<>();
        for (Instance row : train) {
            if (!row.classIsMissing()) {
                double residual = row.classValue() - classifier.classifyInstance(row);
                squared.add(residual * residual);
            }
        }
        return squared.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double gaussianLogDensity(double value, double mean, double variance) {
        double d = value - mean;
        return -0.5 * (Math.log(2 * Math.PI * variance) + d * d / variance);
    }
}
