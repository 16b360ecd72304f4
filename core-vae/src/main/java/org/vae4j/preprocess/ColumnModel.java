package org.vae4j.preprocess;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;

/**
 * What decoding needs to know about one column so that generated values are values the training data could
 * have: whether the column was observed at all (a column entirely missing in training is generated missing),
 * how a numeric column with a Gaussian likelihood is encoded ({@link NumericColumnModel}), and which levels of
 * a binary or categorical column occur (a level no training row has is never generated).
 *
 * @param observed whether training had at least one value in the column
 * @param numeric the encoding of a numeric column with a Gaussian likelihood, else null
 * @param levels for a binary or categorical column, whether each level occurs in training; else null
 */
public record ColumnModel(boolean observed, NumericColumnModel numeric, boolean[] levels) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the levels. */
    public ColumnModel {
        levels = levels == null ? null : levels.clone();
    }

    /**
     * The model of a column without constraints (every level allowed): how every column was modelled before
     * column models, which is how model files written before them are read.
     *
     * @param numeric the column's numeric encoding, or null when it has none
     */
    public static ColumnModel unconstrained(Column column, NumericColumnModel numeric) {
        boolean[] levels = null;
        if (column.type() != ColumnType.NUMERIC) {
            levels = new boolean[column.cardinality()];
            Arrays.fill(levels, true);
        }
        return new ColumnModel(true, numeric, levels);
    }

    /**
     * Checks that this model fits {@code column} and the encoding of its numeric values.
     *
     * @param gaussian whether the column is numeric with a Gaussian likelihood (and so needs a numeric model)
     * @throws IllegalArgumentException naming the column when it does not
     */
    void check(Column column, boolean gaussian) {
        if (gaussian != (numeric != null)) {
            throw new IllegalArgumentException("column '" + column.name() + "': a numeric model is needed exactly "
                    + "for a numeric column with a Gaussian likelihood");
        }
        boolean categorical = column.type() != ColumnType.NUMERIC;
        if (categorical != (levels != null) || (categorical && levels.length != column.cardinality())) {
            throw new IllegalArgumentException("column '" + column.name() + "': the observed levels must be given "
                    + "exactly for a binary or categorical column, one per level");
        }
        if (observed && categorical && !anyLevel()) {
            throw new IllegalArgumentException("column '" + column.name() + "' is observed but has no observed level");
        }
    }

    private boolean anyLevel() {
        for (boolean level : levels) {
            if (level) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnModel m && m.observed == observed && Objects.equals(m.numeric, numeric)
                && Arrays.equals(m.levels, levels);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(observed) + Objects.hashCode(numeric);
    }
}
