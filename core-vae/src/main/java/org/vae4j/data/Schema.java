package org.vae4j.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered, typed columns a VAE models, plus an optional condition column for a conditional VAE.
 * This is the neutral description of a table that the Weka and Tribuo adapters translate to; it knows
 * nothing of either library.
 */
public final class Schema {

    private final List<Column> features;
    private final Column condition;

    /**
     * Creates a schema.
     *
     * @param features the modelled columns, in order (at least one)
     * @param condition the condition column (categorical or binary with level names), or null for none
     */
    public Schema(List<Column> features, Column condition) {
        Objects.requireNonNull(features, "features");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one feature column");
        }
        this.features = List.copyOf(features);
        Set<String> names = new HashSet<>();
        for (Column c : this.features) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column name '" + c.name() + "'");
            }
        }
        if (condition != null) {
            if (condition.type() == ColumnType.NUMERIC || condition.levels().isEmpty()) {
                throw new IllegalArgumentException("condition column '" + condition.name()
                        + "' must be categorical (or binary) with named levels");
            }
            if (names.contains(condition.name())) {
                throw new IllegalArgumentException(
                        "condition column '" + condition.name() + "' is also a feature column");
            }
        }
        this.condition = condition;
    }

    /** A schema without a condition. */
    public static Schema of(List<Column> features) {
        return new Schema(features, null);
    }

    /** A schema of {@code width} numeric columns named {@code prefix0, prefix1, ...}. */
    public static Schema numeric(String prefix, int width) {
        List<Column> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            columns.add(Column.numeric(prefix + i));
        }
        return of(columns);
    }

    /** The same feature columns with the given condition column. */
    public Schema withCondition(Column newCondition) {
        return new Schema(features, newCondition);
    }

    /** The modelled columns, in order. */
    public List<Column> features() {
        return features;
    }

    /** Number of feature columns. */
    public int width() {
        return features.size();
    }

    /** The feature column at {@code index}. */
    public Column column(int index) {
        return features.get(index);
    }

    /** The index of a feature column by name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The condition column of a conditional VAE, if any. */
    public Optional<Column> condition() {
        return Optional.ofNullable(condition);
    }

    /** Whether this schema has a condition column. */
    public boolean isConditional() {
        return condition != null;
    }

    /** Number of condition levels (0 when unconditional). */
    public int conditionCardinality() {
        return condition == null ? 0 : condition.cardinality();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && features.equals(s.features) && Objects.equals(condition, s.condition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, condition);
    }

    @Override
    public String toString() {
        return "Schema" + features + (condition == null ? "" : " | condition " + condition);
    }
}
