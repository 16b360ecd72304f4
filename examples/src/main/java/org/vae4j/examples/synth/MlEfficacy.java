package org.vae4j.examples.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.Logistic;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.REPTree;
import weka.core.Instances;

/**
 * Machine-learning efficacy: a learner trained on the synthetic rows and tested on real held-out rows, against
 * the same learner trained on the real rows and tested on the same held-out rows. A nominal class is learned by
 * Weka's J48 and Logistic (default options), scored by accuracy and macro F1 ({@link MacroF1}); a numeric class
 * by REPTree and LinearRegression, scored by root mean squared error (the measure the ratio is taken on) and mean
 * absolute error (which a few extreme targets sway less). Rows whose class is missing are left out of training
 * and testing.
 *
 * @param classification whether the class is nominal
 * @param scores one entry per learner and measure
 */
public record MlEfficacy(boolean classification, List<Score> scores) {

    /**
     * One learner's score on the held-out rows.
     *
     * @param learner the Weka learner's name
     * @param measure "accuracy", "macro_f1", "rmse" or "mae"
     * @param trainOnReal the score when trained on the real rows
     * @param trainOnSynthetic the score when trained on the synthetic rows
     */
    public record Score(String learner, String measure, double trainOnReal, double trainOnSynthetic) {

        /**
         * Train-on-synthetic as a share of train-on-real, higher being better for every measure: the ratio of
         * the scores for accuracy and F1, of the errors the other way round for RMSE and MAE.
         */
        public double ratio() {
            return measure.equals("rmse") || measure.equals("mae") ? trainOnReal / trainOnSynthetic
                    : trainOnSynthetic / trainOnReal;
        }
    }

    private record Learner(String name, Supplier<Classifier> make) {}

    /**
     * Trains and tests every learner.
     *
     * @param classColumn the index of the class column in the tables
     * @throws IllegalArgumentException when the class column is missing in every real or every synthetic row
     */
    public static MlEfficacy measure(SynthTable real, SynthTable synthetic, SynthTable holdout, int classColumn)
            throws Exception {
        Instances realRows = labelled(real, classColumn, "real");
        Instances syntheticRows = labelled(synthetic, classColumn, "synthetic");
        Instances test = labelled(holdout, classColumn, "held-out");
        boolean nominal = realRows.classAttribute().isNominal();
        List<Learner> learners = nominal ? List.of(new Learner("J48", J48::new), new Learner("Logistic", Logistic::new))
                : List.of(new Learner("REPTree", REPTree::new), new Learner("LinearRegression", LinearRegression::new));
        List<Score> scores = new ArrayList<>();
        for (Learner learner : learners) {
            Evaluation onReal = evaluate(learner, realRows, test);
            Evaluation onSynthetic = evaluate(learner, syntheticRows, test);
            if (nominal) {
                scores.add(new Score(learner.name(), "accuracy", onReal.pctCorrect() / 100,
                        onSynthetic.pctCorrect() / 100));
                scores.add(new Score(learner.name(), "macro_f1", MacroF1.of(onReal.confusionMatrix()),
                        MacroF1.of(onSynthetic.confusionMatrix())));
            } else {
                scores.add(new Score(learner.name(), "rmse", onReal.rootMeanSquaredError(),
                        onSynthetic.rootMeanSquaredError()));
                scores.add(new Score(learner.name(), "mae", onReal.meanAbsoluteError(),
                        onSynthetic.meanAbsoluteError()));
            }
        }
        return new MlEfficacy(nominal, scores);
    }

    /** The measure the efficacy ratio is judged on: macro F1 for a nominal class, RMSE for a numeric one. */
    public String primaryMeasure() {
        return classification ? "macro_f1" : "rmse";
    }

    /** The learners, in order. */
    public List<String> learners() {
        return scores.stream().map(Score::learner).distinct().toList();
    }

    /** The score of this learner and measure. */
    public Score score(String learner, String measure) {
        return scores.stream().filter(s -> s.learner().equals(learner) && s.measure().equals(measure)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no score " + learner + " " + measure));
    }

    private static Evaluation evaluate(Learner learner, Instances train, Instances test) throws Exception {
        Classifier classifier = learner.make().get();
        classifier.buildClassifier(train);
        Evaluation evaluation = new Evaluation(train);
        evaluation.evaluateModel(classifier, test);
        return evaluation;
    }

    private static Instances labelled(SynthTable table, int classColumn, String what) {
        Instances rows = WekaRows.of(table, what, classColumn);
        rows.deleteWithMissingClass();
        if (rows.numInstances() == 0) {
            throw new IllegalArgumentException("the " + what + " rows all lack the class '"
                    + rows.classAttribute().name() + "': nothing to learn or test on");
        }
        return rows;
    }
}
