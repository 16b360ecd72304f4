package org.vae4j.examples.synth;

import java.util.ArrayList;
import java.util.List;

import org.vae4j.data.Column;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A {@link SynthTable} as Weka instances with the real data's header: numeric columns as numeric attributes,
 * nominal ones as nominal attributes with the real levels (binary columns without names as {0, 1}). A level
 * the real data lacks cannot be written in that header and becomes a missing value.
 */
public final class WekaRows {

    private WekaRows() {}

    /**
     * The rows as instances.
     *
     * @param classColumn the index of the class column, or -1 for none
     */
    public static Instances of(SynthTable table, String relation, int classColumn) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (Column c : table.columns()) {
            attributes.add(table.isNumeric(attributes.size()) ? new Attribute(c.name())
                    : new Attribute(c.name(), new ArrayList<>(levels(c))));
        }
        Instances out = new Instances(relation, attributes, table.rows());
        for (int r = 0; r < table.rows(); r++) {
            double[] row = new double[table.width()];
            for (int c = 0; c < row.length; c++) {
                double v = table.value(r, c);
                boolean unknown = Double.isNaN(v)
                        || !table.isNumeric(c) && (v < 0 || v >= table.cardinality(c) || v != Math.rint(v));
                row[c] = unknown ? Utils.missingValue() : v;
            }
            out.add(new DenseInstance(1, row));
        }
        out.setClassIndex(classColumn);
        return out;
    }

    private static List<String> levels(Column c) {
        return c.levels().isEmpty() ? List.of("0", "1") : c.levels();
    }
}
