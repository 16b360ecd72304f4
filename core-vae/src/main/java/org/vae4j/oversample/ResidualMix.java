package org.vae4j.oversample;

import java.util.List;

import org.vae4j.data.ColumnType;
import org.vae4j.data.Table;
import org.vae4j.preprocess.ColumnModel;

/**
 * Synthetic rows made of the rows decoded along latent segments and the real rows at the segments' ends. A
 * numeric cell is the decoded value plus the residuals (real minus reconstructed value) of the two ends, mixed
 * as the gap mixes their codes; it is kept within the range its two real values and the decoded value span
 * (so never outside the training range) and rounded for an integer column. A binary or categorical cell is
 * the level of the nearer end, unless the decoder changes that end's reconstructed level along the way: then
 * the decoded level. Missing values follow the real rows, so that synthetic rows are missing where real rows
 * of the class are: a numeric cell is missing where both ends are (where one is, the other end's residual is
 * used for both), a level where the nearer end's is.
 */
final class ResidualMix {

    private final Table real;
    private final Table reconstructed;
    private final List<ColumnModel> columnModels;

    /**
     * @param real the real rows the segments' ends index
     * @param reconstructed each real row decoded from its code
     * @param columnModels how each column is decoded, for which numeric columns are integer-valued
     */
    ResidualMix(Table real, Table reconstructed, List<ColumnModel> columnModels) {
        this.real = real;
        this.reconstructed = reconstructed;
        this.columnModels = columnModels;
    }

    /** The synthetic rows of {@code segments}, whose codes decode to {@code decoded}, with condition {@code level}. */
    Table rows(Segments segments, Table decoded, int level) {
        Table.Builder out = Table.builder(real.schema(), decoded.rows());
        for (int s = 0; s < decoded.rows(); s++) {
            double[] row = new double[real.width()];
            for (int c = 0; c < row.length; c++) {
                row[c] = real.schema().column(c).type() == ColumnType.NUMERIC
                        ? numeric(segments, decoded, s, c) : level(segments, decoded, s, c);
            }
            out.addRow(row, level);
        }
        return out.build();
    }

    private double numeric(Segments segments, Table decoded, int s, int c) {
        if (decoded.isMissing(s, c)) {
            return Double.NaN;
        }
        double value = decoded.value(s, c);
        int from = segments.from()[s];
        int to = segments.to()[s];
        double gap = segments.gap()[s];
        boolean fromKnown = !real.isMissing(from, c);
        boolean toKnown = !real.isMissing(to, c);
        if (!fromKnown && !toKnown) {
            return Double.NaN;
        }
        double fromResidual = fromKnown ? real.value(from, c) - reconstructed.value(from, c) : Double.NaN;
        double toResidual = toKnown ? real.value(to, c) - reconstructed.value(to, c) : fromResidual;
        fromResidual = fromKnown ? fromResidual : toResidual;
        double low = value;
        double high = value;
        for (int end : new int[] {from, to}) {
            if (!real.isMissing(end, c)) {
                low = Math.min(low, real.value(end, c));
                high = Math.max(high, real.value(end, c));
            }
        }
        double mixed = value + (1 - gap) * fromResidual + gap * toResidual;
        ColumnModel model = columnModels.get(c);
        if (model.numeric() != null && model.numeric().integer()) {
            mixed = Math.rint(mixed);
        }
        return Math.min(high, Math.max(low, mixed));
    }

    private double level(Segments segments, Table decoded, int s, int c) {
        int nearer = segments.gap()[s] < 0.5 ? segments.from()[s] : segments.to()[s];
        if (decoded.isMissing(s, c) || real.isMissing(nearer, c)) {
            return Double.NaN;
        }
        boolean changed = reconstructed.isMissing(nearer, c) || reconstructed.value(nearer, c) != decoded.value(s, c);
        return changed ? decoded.value(s, c) : real.value(nearer, c);
    }
}
