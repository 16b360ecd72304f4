package org.vae4j.cli.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;

/**
 * Decides the type of each column of a {@link TextTable} and converts its cells. In order of precedence a
 * column's type comes from a trained model's schema, from the user's override, from being the class column
 * (always categorical), from the file's own declaration (ARFF), or is inferred: all numbers -> numeric
 * (binary if every value is 0 or 1), otherwise categorical (binary with named levels if there are two).
 * Cells {@code ""}, {@code ?}, {@code NA} and {@code NaN} are missing.
 */
public final class ColumnTyping {

    private static final Set<String> MISSING = Set.of("", "?", "NA", "NaN");

    private final Map<String, ColumnType> overrides;
    private final Set<String> ignored;
    private final String classColumn;
    private final Schema model;

    private ColumnTyping(Map<String, ColumnType> overrides, Set<String> ignored, String classColumn, Schema model) {
        this.overrides = Map.copyOf(overrides);
        this.ignored = Set.copyOf(ignored);
        this.classColumn = classColumn;
        this.model = model;
    }

    /**
     * Typing for training data.
     *
     * @param overrides types the user gives by column name
     * @param ignored columns to drop
     * @param classColumn the class column (typed categorical), or null
     */
    public static ColumnTyping forTraining(Map<String, ColumnType> overrides, Set<String> ignored, String classColumn) {
        return new ColumnTyping(overrides, ignored, classColumn, null);
    }

    /**
     * Typing for data given to a trained model: its columns keep the model's types and levels, other
     * columns are dropped except the class column.
     *
     * @param classColumn a class column to keep for labelling output, or null
     */
    public static ColumnTyping forModel(Schema model, String classColumn) {
        return new ColumnTyping(Map.of(), Set.of(), classColumn, model);
    }

    /**
     * Types and converts the table.
     *
     * @throws DataException naming the file, line and column of the first bad cell, or a column named in an
     *     option or the model that the file lacks
     */
    public TypedDataset apply(TextTable text) {
        Map<String, Column> fixed = new HashMap<>();
        if (model != null) {
            List<Column> all = new ArrayList<>(model.features());
            model.condition().ifPresent(all::add);
            for (Column c : all) {
                requirePresent(text, c.name(), "the model's column");
                fixed.put(c.name(), c);
            }
        }
        Set<String> named = new LinkedHashSet<>(overrides.keySet());
        named.addAll(ignored);
        if (classColumn != null) {
            named.add(classColumn);
        }
        for (String name : named) {
            requirePresent(text, name, name.equals(classColumn) ? "--class" : overrides.containsKey(name) ? "--type" : "--ignore");
        }
        List<Column> columns = new ArrayList<>();
        List<Integer> sourceIndex = new ArrayList<>();
        for (int c = 0; c < text.names().size(); c++) {
            String name = text.names().get(c);
            boolean wanted = model == null ? !ignored.contains(name) : fixed.containsKey(name) || name.equals(classColumn);
            if (wanted) {
                columns.add(fixed.containsKey(name) ? fixed.get(name) : decide(text, c));
                sourceIndex.add(c);
            }
        }
        if (columns.isEmpty()) {
            throw new DataException(text.source() + ": no columns left to model");
        }
        float[] values = new float[text.rows().size() * columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            convert(text, sourceIndex.get(j), columns.get(j), values, j, columns.size());
        }
        return new TypedDataset(text, columns, values);
    }

    private static void requirePresent(TextTable text, String name, String what) {
        if (!text.names().contains(name)) {
            throw new DataException(what + " '" + name + "' is not a column of " + text.source() + " (columns: "
                    + String.join(", ", text.names()) + ")");
        }
    }

    private Column decide(TextTable text, int c) {
        String name = text.names().get(c);
        if (overrides.containsKey(name)) {
            return typed(text, c, overrides.get(name));
        }
        if (name.equals(classColumn)) {
            Column declared = text.declared().get(name);
            return declared != null && declared.type() == ColumnType.CATEGORICAL ? declared
                    : typed(text, c, ColumnType.CATEGORICAL);
        }
        if (text.declared().containsKey(name)) {
            return text.declared().get(name);
        }
        return inferred(text, c);
    }

    private static Column inferred(TextTable text, int c) {
        Set<String> distinct = distinct(text, c);
        boolean numeric = distinct.stream().allMatch(ColumnTyping::isNumber);
        if (numeric) {
            return distinct.stream().allMatch(ColumnTyping::isZeroOrOne) ? Column.binary(text.names().get(c))
                    : Column.numeric(text.names().get(c));
        }
        return typed(text, c, distinct.size() == 2 ? ColumnType.BINARY : ColumnType.CATEGORICAL);
    }

    private static Column typed(TextTable text, int c, ColumnType type) {
        String name = text.names().get(c);
        if (type == ColumnType.NUMERIC) {
            return Column.numeric(name);
        }
        Set<String> distinct = distinct(text, c);
        if (type == ColumnType.BINARY && distinct.stream().allMatch(ColumnTyping::isZeroOrOne)) {
            return Column.binary(name);
        }
        List<String> levels = sortedLevels(distinct);
        if (type == ColumnType.BINARY && levels.size() != 2) {
            throw new DataException(text.source() + ", column '" + name + "': binary needs exactly 2 distinct values, found "
                    + levels.size() + " " + preview(levels));
        }
        if (levels.size() < 2) {
            throw new DataException(text.source() + ", column '" + name + "': a categorical column needs at least 2 distinct "
                    + "values, found " + preview(levels) + "; drop it with --ignore");
        }
        return type == ColumnType.BINARY ? Column.binary(name, levels.get(0), levels.get(1))
                : Column.categorical(name, levels);
    }

    private static Set<String> distinct(TextTable text, int c) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String[] row : text.rows()) {
            if (!isMissing(row[c])) {
                distinct.add(row[c]);
            }
        }
        if (distinct.isEmpty()) {
            throw new DataException(text.source() + ", column '" + text.names().get(c) + "': every value is missing");
        }
        return distinct;
    }

    /** Levels in numeric order when they are all numbers, else in text order. */
    private static List<String> sortedLevels(Set<String> distinct) {
        Comparator<String> order = distinct.stream().allMatch(ColumnTyping::isNumber)
                ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        sorted.addAll(distinct);
        return new ArrayList<>(sorted);
    }

    private static String preview(List<String> levels) {
        return levels.size() <= 10 ? levels.toString() : levels.subList(0, 10) + "...";
    }

    private static void convert(TextTable text, int source, Column column, float[] out, int j, int width) {
        for (int r = 0; r < text.rows().size(); r++) {
            String cell = text.rows().get(r)[source];
            out[r * width + j] = isMissing(cell) ? Float.NaN : value(text, r, source, column, cell);
        }
    }

    private static float value(TextTable text, int r, int c, Column column, String cell) {
        if (column.type() == ColumnType.NUMERIC || column.levels().isEmpty()) {
            if (!isNumber(cell)) {
                throw new DataException(text.where(r, c) + ": '" + cell + "' is not a number");
            }
            float v = (float) Double.parseDouble(cell);
            if (column.type() == ColumnType.BINARY && v != 0 && v != 1) {
                throw new DataException(text.where(r, c) + ": binary value must be 0 or 1, got '" + cell + "'");
            }
            return v;
        }
        int index = column.levels().indexOf(cell);
        if (index < 0) {
            throw new DataException(text.where(r, c) + ": unknown level '" + cell + "' (known: "
                    + String.join(", ", column.levels()) + ")");
        }
        return index;
    }

    static boolean isMissing(String cell) {
        return MISSING.contains(cell);
    }

    private static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isZeroOrOne(String cell) {
        return isNumber(cell) && (Double.parseDouble(cell) == 0 || Double.parseDouble(cell) == 1);
    }
}
