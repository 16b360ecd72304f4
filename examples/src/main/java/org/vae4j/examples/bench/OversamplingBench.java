package org.vae4j.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.vae4j.examples.weka.SmoteFilter;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.functions.Logistic;
import weka.classifiers.trees.J48;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.supervised.instance.ClassBalancer;
import weka.filters.supervised.instance.Resample;
import weka.filters.supervised.instance.SpreadSubsample;
import weka.filters.supervised.instance.VAEOversampler;

/**
 * Does an oversampler help a classifier on imbalanced data? For each data set (class = last attribute) and
 * classifier (J48, Logistic), seeded stratified k-fold cross-validation of the classifier alone and after each
 * balancing filter applied to the training folds only, as a FilteredClassifier applies it (each fold is
 * balanced once and both classifiers learn from the result, which halves the VAE's training): Weka's
 * ClassBalancer, Resample -B 1, SpreadSubsample -M 1, {@link SmoteFilter} and {@link VAEOversampler}. Prints
 * the minority class's F1 (0 where no instance is predicted as the minority) and AUC over the pooled test
 * folds, the standard error of the per-fold F1, and a
 * summary: the mean over data sets and classifiers, and where the VAE oversampler falls below no balancing by
 * more than the standard error of the paired per-fold F1 differences.
 */
public final class OversamplingBench {

    private static final String NONE = "none";
    private static final String VAE = "VAEOversampler";

    private OversamplingBench() {}

    /** The minority-class scores of one method on one data set and classifier. */
    private record Score(double f1, double auc, double[] foldF1, double seconds) {

        double standardError() {
            return BenchRunner.standardError(foldF1);
        }
    }

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions("OversamplingBench")
                .option("--data", "", "directory holding the ARFF files (required)")
                .option("--sets", "diabetes,breast-cancer,vote,labor,credit-g,unbalanced",
                        "data sets: file names without .arff, comma-separated")
                .option("--methods", "none,ClassBalancer,Resample,SpreadSubsample,SMOTE,VAEOversampler",
                        "balancing methods, comma-separated")
                .option("--folds", "10", "cross-validation folds")
                .option("--seed", "1", "seed of the fold split, SMOTE, Resample and the VAE")
                .option("--vae-options", "", "VAEOversampler options (Weka syntax; default: the filter's defaults)")
                .option("--threads", "1", "PyTorch intra-op threads (set before the engine starts)");
        BenchRunner.run(options, args, OversamplingBench::run);
    }

    private static void run(BenchOptions o) throws Exception {
        Workload.useThreads(o.positiveInt("--threads"));
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (o.text("--data").isEmpty()) {
            throw new IllegalArgumentException("option --data: name the directory holding the ARFF files");
        }
        Path dir = Path.of(o.text("--data"));
        int folds = o.positiveInt("--folds");
        long seed = o.integer("--seed");
        String vaeOptions = o.text("--vae-options");
        Map<String, Supplier<Filter>> methods = methods(o.text("--methods"), (int) seed, vaeOptions);
        System.out.printf("OversamplingBench %s folds=%d seed=%d vae-options='%s' threads=%d%n",
                BenchRunner.versions(), folds, seed, vaeOptions, o.positiveInt("--threads"));
        System.out.println();
        System.out.println("| data (minority/rows) | classifier | method | minority F1 | SE | AUC | seconds |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        Map<String, List<Score>> all = new LinkedHashMap<>();
        List<String> belowNone = new ArrayList<>();
        List<Classifier> classifiers = List.of(new J48(), new Logistic());
        for (String set : o.text("--sets").split(",")) {
            Instances data = read(dir.resolve(set.trim() + ".arff"));
            int minority = minorityClass(data);
            String label = String.format("%s (%d/%d)", set.trim(),
                    data.attributeStats(data.classIndex()).nominalCounts[minority], data.numInstances());
            List<Map<String, Score>> scores = new ArrayList<>();
            classifiers.forEach(c -> scores.add(new LinkedHashMap<>()));
            for (Map.Entry<String, Supplier<Filter>> method : methods.entrySet()) {
                Score[] byClassifier = crossValidate(method.getValue(), classifiers, data, minority, folds, seed);
                for (int c = 0; c < classifiers.size(); c++) {
                    scores.get(c).put(method.getKey(), byClassifier[c]);
                    all.computeIfAbsent(method.getKey(), k -> new ArrayList<>()).add(byClassifier[c]);
                }
            }
            for (int c = 0; c < classifiers.size(); c++) {
                String classifier = classifiers.get(c).getClass().getSimpleName();
                scores.get(c).forEach((method, score) -> System.out.printf(
                        "| %s | %s | %s | %.3f | %.3f | %.3f | %.1f |%n", label, classifier, method, score.f1(),
                        score.standardError(), score.auc(), score.seconds()));
                Score none = scores.get(c).get(NONE);
                Score vae = scores.get(c).get(VAE);
                if (none != null && vae != null) {
                    double tolerance = BenchRunner.standardError(difference(vae.foldF1(), none.foldF1()));
                    if (vae.f1() < none.f1() - tolerance) {
                        belowNone.add(String.format("%s %s: %.3f < %.3f - %.3f", set.trim(), classifier, vae.f1(),
                                none.f1(), tolerance));
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| method | mean minority F1 | mean AUC |");
        System.out.println("|---|---:|---:|");
        all.forEach((method, scores) -> System.out.printf("| %s | %.3f | %.3f |%n", method,
                scores.stream().mapToDouble(Score::f1).average().orElse(Double.NaN),
                scores.stream().mapToDouble(Score::auc).average().orElse(Double.NaN)));
        System.out.println();
        System.out.println("VAEOversampler below no balancing by more than the standard error of the paired "
                + "per-fold F1 differences: " + (belowNone.isEmpty() ? "nowhere" : String.join("; ", belowNone)));
    }

    /** The filters named in {@code names}, each made fresh per use; null stands for no balancing. */
    private static Map<String, Supplier<Filter>> methods(String names, int seed, String vaeOptions) {
        Map<String, Supplier<Filter>> methods = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            Supplier<Filter> filter = switch (name.trim()) {
                case NONE -> null;
                case "ClassBalancer" -> ClassBalancer::new;
                case "Resample" -> () -> {
                    Resample resample = new Resample();
                    resample.setBiasToUniformClass(1);
                    resample.setRandomSeed(seed);
                    return resample;
                };
                case "SpreadSubsample" -> () -> {
                    SpreadSubsample spread = new SpreadSubsample();
                    spread.setDistributionSpread(1);
                    spread.setRandomSeed(seed);
                    return spread;
                };
                case "SMOTE" -> () -> {
                    SmoteFilter smote = new SmoteFilter();
                    smote.setSeed(seed);
                    return smote;
                };
                case VAE -> () -> vaeOversampler(seed, vaeOptions);
                default -> throw new IllegalArgumentException("option --methods: unknown method '" + name.trim()
                        + "' (none, ClassBalancer, Resample, SpreadSubsample, SMOTE, VAEOversampler)");
            };
            methods.put(name.trim(), filter);
        }
        return methods;
    }

    private static Filter vaeOversampler(int seed, String options) {
        VAEOversampler oversampler = new VAEOversampler();
        try {
            oversampler.setOptions(Utils.splitOptions(options));
        } catch (Exception e) {
            throw new IllegalArgumentException("option --vae-options: " + e.getMessage(), e);
        }
        oversampler.setSeed(seed);
        return oversampler;
    }

    private static Instances read(Path file) throws Exception {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("option --data/--sets: cannot read " + file);
        }
        Instances data = DataSource.read(file.toString());
        data.setClassIndex(data.numAttributes() - 1);
        if (!data.classAttribute().isNominal()) {
            throw new IllegalArgumentException(file + ": the class (last attribute '" + data.classAttribute().name()
                    + "') must be nominal");
        }
        return data;
    }

    /** The class with the fewest instances, among those that have any. */
    private static int minorityClass(Instances data) {
        int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
        int minority = -1;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && (minority < 0 || counts[c] < counts[minority])) {
                minority = c;
            }
        }
        return minority;
    }

    /**
     * Stratified cross-validation split as Weka's {@code Evaluation.crossValidateModel} splits with
     * {@code new Random(seed)}. In each fold a fresh filter balances the training fold once, as a
     * FilteredClassifier would, and each classifier (a fresh copy) is trained on the result and tested on the
     * untouched test fold; scores are pooled over the test folds. The seconds include the balancing.
     *
     * @param filter the balancing filter, or null for none
     */
    private static Score[] crossValidate(Supplier<Filter> filter, List<Classifier> classifiers, Instances data,
            int minority, int folds, long seed) throws Exception {
        Random random = new Random(seed);
        Instances shuffled = new Instances(data);
        shuffled.randomize(random);
        shuffled.stratify(folds);
        Evaluation[] pooled = new Evaluation[classifiers.size()];
        double[][] foldF1 = new double[classifiers.size()][folds];
        double[] seconds = new double[classifiers.size()];
        for (int c = 0; c < pooled.length; c++) {
            pooled[c] = new Evaluation(shuffled);
        }
        for (int f = 0; f < folds; f++) {
            Instances test = shuffled.testCV(folds, f);
            long start = System.nanoTime();
            Instances train = balanced(shuffled.trainCV(folds, f, random), filter);
            double balancing = (System.nanoTime() - start) / 1e9;
            for (int c = 0; c < pooled.length; c++) {
                start = System.nanoTime();
                Classifier classifier = AbstractClassifier.makeCopy(classifiers.get(c));
                classifier.buildClassifier(train);
                Evaluation fold = new Evaluation(shuffled);
                fold.evaluateModel(classifier, test);
                pooled[c].evaluateModel(classifier, test);
                foldF1[c][f] = f1(fold, minority);
                seconds[c] += balancing + (System.nanoTime() - start) / 1e9;
            }
        }
        Score[] scores = new Score[pooled.length];
        for (int c = 0; c < pooled.length; c++) {
            scores[c] = new Score(f1(pooled[c], minority), pooled[c].areaUnderROC(minority), foldF1[c], seconds[c]);
        }
        return scores;
    }

    /** The class's F1, 0 where Weka leaves it undefined (no instance predicted as the class). */
    private static double f1(Evaluation evaluation, int c) {
        double f1 = evaluation.fMeasure(c);
        return Double.isNaN(f1) ? 0 : f1;
    }

    private static Instances balanced(Instances train, Supplier<Filter> filter) throws Exception {
        if (filter == null) {
            return train;
        }
        Filter fresh = filter.get();
        fresh.setInputFormat(train);
        return Filter.useFilter(train, fresh);
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        Arrays.setAll(d, i -> a[i] - b[i]);
        return d;
    }
}
