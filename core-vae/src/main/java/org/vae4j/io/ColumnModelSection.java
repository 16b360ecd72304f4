package org.vae4j.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.vae4j.preprocess.ColumnModel;
import org.vae4j.preprocess.NumericColumnModel;

/**
 * The columns section of a model file: each column's {@link ColumnModel}, which decoding needs to return only
 * values the training data could have. Counts are checked against the bytes left before anything is allocated,
 * and the models' own checks refuse parameters no fit could give.
 */
final class ColumnModelSection {

    /** The fewest bytes a column takes: observed, has-numeric and has-levels flags. */
    private static final int MIN_COLUMN_BYTES = 3;

    private ColumnModelSection() {}

    static void write(DataOutputStream out, List<ColumnModel> columns) throws IOException {
        out.writeInt(columns.size());
        for (ColumnModel column : columns) {
            out.writeBoolean(column.observed());
            NumericColumnModel numeric = column.numeric();
            out.writeBoolean(numeric != null);
            if (numeric != null) {
                out.writeDouble(numeric.minimum());
                out.writeDouble(numeric.maximum());
                out.writeBoolean(numeric.bounded());
                out.writeBoolean(numeric.integer());
                out.writeBoolean(numeric.logScale());
                out.writeBoolean(numeric.zeroSpike());
                out.writeInt(numeric.means().length);
                for (int k = 0; k < numeric.means().length; k++) {
                    out.writeDouble(numeric.weights()[k]);
                    out.writeDouble(numeric.means()[k]);
                    out.writeDouble(numeric.scales()[k]);
                }
            }
            boolean[] levels = column.levels();
            out.writeBoolean(levels != null);
            if (levels != null) {
                out.writeInt(levels.length);
                for (boolean level : levels) {
                    out.writeBoolean(level);
                }
            }
        }
    }

    /**
     * Reads the section.
     *
     * @throws IllegalArgumentException (made a {@link ModelFormatException} by the reader) for a model that its
     *     checks refuse
     */
    static List<ColumnModel> read(ModelInput in) throws IOException {
        int n = in.readCount("column models", MIN_COLUMN_BYTES);
        List<ColumnModel> columns = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            boolean observed = in.readBoolean();
            NumericColumnModel numeric = in.readBoolean() ? readNumeric(in, c) : null;
            boolean[] levels = null;
            if (in.readBoolean()) {
                levels = new boolean[in.readCount("levels of column model " + (c + 1), 1)];
                for (int k = 0; k < levels.length; k++) {
                    levels[k] = in.readBoolean();
                }
            }
            columns.add(new ColumnModel(observed, numeric, levels));
        }
        return columns;
    }

    private static NumericColumnModel readNumeric(ModelInput in, int c) throws IOException {
        double minimum = in.readDouble();
        double maximum = in.readDouble();
        boolean bounded = in.readBoolean();
        boolean integer = in.readBoolean();
        boolean logScale = in.readBoolean();
        boolean zeroSpike = in.readBoolean();
        int modes = in.readCount("modes of column model " + (c + 1), 3 * Double.BYTES);
        if (modes > NumericColumnModel.MAX_MODES) {
            throw new ModelFormatException("column model " + (c + 1) + " declares " + modes + " modes, more than "
                    + NumericColumnModel.MAX_MODES);
        }
        double[] weights = new double[modes];
        double[] means = new double[modes];
        double[] scales = new double[modes];
        for (int k = 0; k < modes; k++) {
            weights[k] = in.readDouble();
            means[k] = in.readDouble();
            scales[k] = in.readDouble();
        }
        return new NumericColumnModel(minimum, maximum, bounded, integer, logScale, zeroSpike, weights, means, scales);
    }
}
