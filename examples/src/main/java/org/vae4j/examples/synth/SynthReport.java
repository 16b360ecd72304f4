package org.vae4j.examples.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The yardstick for synthetic tables: how closely synthetic rows follow real training rows column by column
 * ({@link ColumnFidelity}) and pair by pair ({@link DependenceDifference}), how many of their cells no real row
 * could hold ({@link ImpossibleValues}), how well a learner trained on them does on real held-out rows
 * ({@link MlEfficacy}), and whether they sit closer to the training rows than new real rows do
 * ({@link PrivacyCheck}).
 *
 * @param trainingRows the number of real training rows
 * @param syntheticRows the number of synthetic rows
 * @param holdoutRows the number of held-out rows
 * @param holdout where the held-out rows came from, in words
 * @param fidelity each column's comparison
 * @param dependence the pairwise dependence difference
 * @param impossible the impossible cells
 * @param efficacy the learners' scores
 * @param privacy the distances to the closest training row
 */
public record SynthReport(int trainingRows, int syntheticRows, int holdoutRows, String holdout,
        List<ColumnFidelity.Column> fidelity, DependenceDifference dependence, ImpossibleValues impossible,
        MlEfficacy efficacy, PrivacyCheck privacy) {

    /**
     * Measures the synthetic rows.
     *
     * @param training the real rows the generator learned from
     * @param holdout real rows it did not see
     * @param classColumn the class column's index
     * @param holdoutNote where the held-out rows came from, in words
     */
    public static SynthReport measure(SynthTable training, SynthTable synthetic, SynthTable holdout, int classColumn,
            String holdoutNote) throws Exception {
        return new SynthReport(training.rows(), synthetic.rows(), holdout.rows(), holdoutNote,
                ColumnFidelity.compare(training, synthetic), DependenceDifference.compare(training, synthetic),
                ImpossibleValues.count(training, synthetic),
                MlEfficacy.measure(training, synthetic, holdout, classColumn),
                PrivacyCheck.measure(training, synthetic, holdout));
    }

    /** The mean column distance (0 best). */
    public double meanFidelity() {
        return ColumnFidelity.mean(fidelity);
    }

    /** The report as nested maps and lists for JSON, each measure named with how it is computed. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("training", trainingRows);
        rows.put("synthetic", syntheticRows);
        rows.put("holdout", holdoutRows);
        out.put("rows", rows);
        out.put("holdout", holdout);
        out.put("fidelity", fidelityMap());
        out.put("dependence", dependenceMap());
        out.put("impossible", impossibleMap());
        out.put("ml_efficacy", efficacyMap());
        out.put("privacy", privacyMap());
        return out;
    }

    private Map<String, Object> fidelityMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "per column, over the observed cells: two-sample Kolmogorov-Smirnov statistic (numeric), "
                + "total variation distance of the level shares (nominal); 0 = same distribution, 1 = disjoint; "
                + "missing cells compared apart by each column's missing share");
        out.put("mean", meanFidelity());
        out.put("mean_missing_share_difference", ColumnFidelity.meanMissingDifference(fidelity));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnFidelity.Column c : fidelity) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", c.column());
            m.put("measure", c.measure());
            m.put("distance", c.distance());
            m.put("real_missing", c.realMissing());
            m.put("synthetic_missing", c.syntheticMissing());
            columns.add(m);
        }
        out.put("columns", columns);
        return out;
    }

    private Map<String, Object> dependenceMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "mean absolute difference, over column pairs, of Pearson correlations (numeric pairs; the "
                + "mean absolute off-diagonal entry of the difference of the correlation matrices) and of Cramer's V "
                + "(nominal pairs); pairwise-complete rows; mixed pairs not measured");
        out.put("overall", dependence.overall());
        out.put("numeric_pairs", dependence.numericPairs());
        out.put("correlation", dependence.correlation());
        out.put("nominal_pairs", dependence.nominalPairs());
        out.put("cramers_v", dependence.cramersV());
        return out;
    }

    private Map<String, Object> impossibleMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "synthetic cells outside the real column's range, fractional in a whole-number column, of a "
                + "level no real row holds, or missing where no real cell is");
        out.put("share", impossible.share());
        out.put("cells", impossible.cells());
        out.put("impossible", impossible.impossible());
        Map<String, Object> reasons = new LinkedHashMap<>();
        impossible.byReason().forEach((k, v) -> reasons.put(k.name().toLowerCase(Locale.ROOT), v));
        out.put("by_reason", reasons);
        out.put("by_column", new LinkedHashMap<>(impossible.byColumn()));
        return out;
    }

    private Map<String, Object> efficacyMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", efficacy.classification()
                ? "Weka J48 and Logistic (defaults) trained on real or on synthetic rows, tested on the held-out rows"
                : "numeric class: Weka REPTree and LinearRegression (defaults) trained on real or on synthetic rows, "
                        + "tested on the held-out rows by RMSE and MAE; ratio = error(real) / error(synthetic)");
        List<Map<String, Object>> scores = new ArrayList<>();
        for (MlEfficacy.Score s : efficacy.scores()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("learner", s.learner());
            m.put("measure", s.measure());
            m.put("train_on_real", s.trainOnReal());
            m.put("train_on_synthetic", s.trainOnSynthetic());
            m.put("ratio", s.ratio());
            scores.add(m);
        }
        out.put("scores", scores);
        return out;
    }

    private Map<String, Object> privacyMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "distance to the closest training row: Euclidean over numeric cells in real standard "
                + "deviations and nominal cells as 0/1 mismatches (missing vs observed = 1); exact copy = distance 0");
        out.put("synthetic_p5", privacy.syntheticP5());
        out.put("synthetic_median", privacy.syntheticMedian());
        out.put("holdout_p5", privacy.holdoutP5());
        out.put("holdout_median", privacy.holdoutMedian());
        out.put("synthetic_exact_copies", privacy.syntheticCopies());
        out.put("holdout_exact_copies", privacy.holdoutCopies());
        out.put("complete_holdout_exact_copies", privacy.completeHoldoutCopies());
        out.put("training_duplicates", privacy.realDuplicates());
        return out;
    }
}
