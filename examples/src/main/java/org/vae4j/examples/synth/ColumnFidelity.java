package org.vae4j.examples.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How closely each synthetic column follows the real one on its own: the Kolmogorov-Smirnov statistic of the
 * observed values for a numeric column, the total variation distance of the observed levels' shares for a
 * nominal one. Both lie in [0, 1], 0 being a perfect match, so their mean over the columns summarises a data
 * set. Missing cells are compared apart, by the share of each column that is missing in either table (vae4j
 * generates complete rows, for instance, whatever the real data leaves out).
 */
public final class ColumnFidelity {

    /**
     * One column's comparison.
     *
     * @param column the column's name
     * @param measure "ks" or "tvd"
     * @param distance the statistic, 0 (same) to 1
     * @param realMissing the share of missing cells in the real column
     * @param syntheticMissing the share of missing cells in the synthetic column
     */
    public record Column(String column, String measure, double distance, double realMissing,
            double syntheticMissing) {}

    private ColumnFidelity() {}

    /** Every column's comparison, in column order. */
    public static List<Column> compare(SynthTable real, SynthTable synthetic) {
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < real.width(); c++) {
            double[] a = real.values()[c];
            double[] b = synthetic.values()[c];
            boolean numeric = real.isNumeric(c);
            double distance = numeric ? KolmogorovSmirnov.statistic(a, b)
                    : TotalVariation.distance(a, b, real.cardinality(c));
            out.add(new Column(real.columns().get(c).name(), numeric ? "ks" : "tvd", distance, missingShare(a),
                    missingShare(b)));
        }
        return out;
    }

    /** The mean distance over the columns that have one (a column with no observed value has none). */
    public static double mean(List<Column> columns) {
        return columns.stream().mapToDouble(Column::distance).filter(d -> !Double.isNaN(d)).average()
                .orElse(Double.NaN);
    }

    /** The mean absolute difference of the columns' missing shares. */
    public static double meanMissingDifference(List<Column> columns) {
        return columns.stream().mapToDouble(c -> Math.abs(c.realMissing() - c.syntheticMissing())).average()
                .orElse(Double.NaN);
    }

    static double missingShare(double[] values) {
        long missing = Arrays.stream(values).filter(Double::isNaN).count();
        return values.length == 0 ? 0 : (double) missing / values.length;
    }
}
