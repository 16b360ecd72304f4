package org.vae4j.data;

import java.util.List;
import java.util.Objects;

/**
 * One named, typed column of a {@link Schema}. Categorical (and optionally binary) columns carry the
 * names of their levels so that generated rows can be returned in the user's own vocabulary.
 *
 * @param name the column's name, unique within a schema
 * @param type the kind of values
 * @param levels level names for categorical and binary columns (index = stored value); empty for numeric
 */
public record Column(String name, ColumnType type, List<String> levels) {

    /** Validates and defensively copies the levels. */
    public Column {
        Objects.requireNonNull(name, "column name");
        Objects.requireNonNull(type, "column type");
        levels = List.copyOf(levels == null ? List.of() : levels);
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
        switch (type) {
            case NUMERIC -> {
                if (!levels.isEmpty()) {
                    throw new IllegalArgumentException("numeric column '" + name + "' cannot have levels");
                }
            }
            case BINARY -> {
                if (!levels.isEmpty() && levels.size() != 2) {
                    throw new IllegalArgumentException(
                            "binary column '" + name + "' needs exactly 2 levels, got " + levels);
                }
            }
            case CATEGORICAL -> {
                if (levels.size() < 2) {
                    throw new IllegalArgumentException(
                            "categorical column '" + name + "' needs at least 2 levels, got " + levels);
                }
            }
        }
        if (levels.stream().distinct().count() != levels.size()) {
            throw new IllegalArgumentException("column '" + name + "' has duplicate levels " + levels);
        }
    }

    /** A numeric column. */
    public static Column numeric(String name) {
        return new Column(name, ColumnType.NUMERIC, List.of());
    }

    /** A binary column stored as 0/1 without level names. */
    public static Column binary(String name) {
        return new Column(name, ColumnType.BINARY, List.of());
    }

    /** A binary column whose two values have names (index 0 and 1). */
    public static Column binary(String name, String level0, String level1) {
        return new Column(name, ColumnType.BINARY, List.of(level0, level1));
    }

    /** A categorical column with the given level names. */
    public static Column categorical(String name, List<String> levels) {
        return new Column(name, ColumnType.CATEGORICAL, levels);
    }

    /** Number of distinct values (levels) for binary and categorical columns; 0 for numeric ones. */
    public int cardinality() {
        return switch (type) {
            case NUMERIC -> 0;
            case BINARY -> 2;
            case CATEGORICAL -> levels.size();
        };
    }

    /**
     * The index of a level by name.
     *
     * @throws IllegalArgumentException naming the column and the level when the level is unknown
     */
    public int levelIndex(String level) {
        int index = levels.indexOf(level);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "column '" + name + "': unknown level '" + level + "' (known: " + levels + ")");
        }
        return index;
    }

    /** The display name of a stored value: the level name if there is one, else the number. */
    public String format(double value) {
        if (type != ColumnType.NUMERIC && !levels.isEmpty()) {
            return levels.get((int) value);
        }
        return type == ColumnType.NUMERIC ? Double.toString(value) : Integer.toString((int) value);
    }
}
