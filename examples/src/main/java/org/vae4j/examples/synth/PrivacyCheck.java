package org.vae4j.examples.synth;

import java.util.Arrays;

/**
 * Whether synthetic rows sit closer to the training rows than new real rows do: the distance of each synthetic
 * row and of each held-out real row to its closest training row ({@link RecordDistance}), summarised by the
 * 5th percentile and the median (linear interpolation between order statistics), and the shares of exact copies
 * (distance 0) of a training row. Real data has copies of its own: the share of training rows that have an
 * identical other training row, and the share of held-out rows that copy a training row, say how many copies a
 * fresh sample of the same data would hold. Complete rows copy more often than rows with missing cells (fewer of
 * them differ), so for a generator of complete rows, such as vae4j's, the reference is the share among the
 * complete held-out rows.
 *
 * @param syntheticP5 5th percentile of the synthetic rows' distances
 * @param syntheticMedian median of the synthetic rows' distances
 * @param holdoutP5 5th percentile of the held-out rows' distances
 * @param holdoutMedian median of the held-out rows' distances
 * @param syntheticCopies share of synthetic rows that copy a training row
 * @param holdoutCopies share of held-out rows that copy a training row
 * @param completeHoldoutCopies share of the complete held-out rows (no missing cell) that copy a training row,
 *     NaN when none is complete
 * @param realDuplicates share of training rows identical to another training row
 */
public record PrivacyCheck(double syntheticP5, double syntheticMedian, double holdoutP5, double holdoutMedian,
        double syntheticCopies, double holdoutCopies, double completeHoldoutCopies, double realDuplicates) {

    /** Measures the synthetic and held-out rows against the training rows. */
    public static PrivacyCheck measure(SynthTable training, SynthTable synthetic, SynthTable holdout) {
        RecordDistance distance = RecordDistance.scaledBy(training);
        double[] fromSynthetic = distance.closest(synthetic, training, false);
        double[] fromHoldout = distance.closest(holdout, training, false);
        double[] withinReal = distance.closest(training, training, true);
        return new PrivacyCheck(percentile(fromSynthetic, 0.05), percentile(fromSynthetic, 0.5),
                percentile(fromHoldout, 0.05), percentile(fromHoldout, 0.5), zeroShare(fromSynthetic),
                zeroShare(fromHoldout), zeroShare(completeOnly(fromHoldout, holdout)), zeroShare(withinReal));
    }

    /** The distances of the rows without a missing cell. */
    private static double[] completeOnly(double[] distances, SynthTable rows) {
        return java.util.stream.IntStream.range(0, rows.rows()).filter(r -> {
            for (int c = 0; c < rows.width(); c++) {
                if (Double.isNaN(rows.value(r, c))) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(r -> distances[r]).toArray();
    }

    /** The q-quantile of the values, interpolating linearly between order statistics; NaN when empty. */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double zeroShare(double[] distances) {
        return distances.length == 0 ? Double.NaN : (double) Arrays.stream(distances).filter(d -> d == 0).count() / distances.length;
    }
}
