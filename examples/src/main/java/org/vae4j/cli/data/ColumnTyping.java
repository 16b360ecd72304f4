package org.vae4j.cli.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;

/**
 * Decides the type of each column of a {@link TextTable} and converts its cells, reading the file twice:
 * once to learn each column's values ({@link ColumnScan}), once to store them, so the text is never held in
 * memory. In order of precedence a column's type comes from a trained model's schema, from the user's
 * override, from being the class column (categorical, unless the file declares it numeric), from the file's
 * own declaration (ARFF), or
 * is inferred: all numbers -> numeric (binary if every value is 0 or 1), otherwise categorical (binary with
 * named levels if there are two). A column inferred numeric where a few cells (under a tenth) are not
 * numbers reads those cells as missing, with a warning naming them. A categorical column may have at most
 * {@value #MAX_LEVELS} levels. Cells {@code ""}, {@code ?}, {@code NA} and {@code NaN} are missing.
 */
public final class ColumnTyping {

    /** The most levels a categorical column may have; more usually means an identifier or a number column. */
    public static final int MAX_LEVELS = 1000;

    /** The share of a column's cells that may be stray text in a column inferred numeric. */
    private static final double STRAY_TEXT = 0.1;

    /** The most values (rows x columns) one table can hold: the largest Java array. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

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
     * @param classColumn the class column (typed categorical unless the file declares it numeric), or null
     * @throws DataException when a column is both ignored and the class or given a type
     */
    public static ColumnTyping forTraining(Map<String, ColumnType> overrides, Set<String> ignored, String classColumn) {
        if (classColumn != null && ignored.contains(classColumn)) {
            throw new DataException("--class '" + classColumn + "' is also given to --ignore: the class column cannot "
                    + "be left out; drop one of the two");
        }
        for (String name : overrides.keySet()) {
            if (ignored.contains(name)) {
                throw new DataException("--type '" + name + "' is also given to --ignore: a column left out has no "
                        + "type; drop one of the two");
            }
        }
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
     * @throws IOException if the file cannot be read
     * @throws DataException naming the file, line and column of the first bad cell, or a column named in an
     *     option or the model that the file lacks
     */
    public TypedDataset apply(TextTable text) throws IOException {
        Set<String> present = new HashSet<>(text.names());
        Map<String, Column> fixed = new HashMap<>();
        if (model != null) {
            List<Column> all = new ArrayList<>(model.features());
            model.condition().ifPresent(all::add);
            for (Column c : all) {
                requirePresent(text, present, c.name(), "the model's column");
                fixed.put(c.name(), c);
            }
        }
        Set<String> named = new LinkedHashSet<>(overrides.keySet());
        named.addAll(ignored);
        if (classColumn != null) {
            named.add(classColumn);
        }
        for (String name : named) {
            requirePresent(text, present, name,
                    name.equals(classColumn) ? "--class" : overrides.containsKey(name) ? "--type" : "--ignore");
        }
        int[] sources = IntStream.range(0, text.names().size()).filter(c -> {
            String name = text.names().get(c);
            return model == null ? !ignored.contains(name) : fixed.containsKey(name) || name.equals(classColumn);
        }).toArray();
        if (sources.length == 0) {
            throw new DataException(text.source() + ": no columns left to model");
        }
        FirstPass first = FirstPass.read(text, sources);
        List<String> warnings = new ArrayList<>();
        List<CellConverter> converters = new ArrayList<>();
        for (int j = 0; j < sources.length; j++) {
            String name = text.names().get(sources[j]);
            converters.add(fixed.containsKey(name) ? new CellConverter(fixed.get(name), false)
                    : decide(text, name, first.scans()[j], warnings));
        }
        float[] values = convert(text, sources, converters, first.rows());
        return new TypedDataset(text.source(), converters, values, first.rows(), warnings);
    }

    private static void requirePresent(TextTable text, Set<String> present, String name, String what) {
        if (!present.contains(name)) {
            throw new DataException(what + " '" + name + "' is not a column of " + text.source() + " (columns: "
                    + Dataset.describeNames(text.names()) + ")");
        }
    }

    /** The first pass over the rows: what each wanted column holds, and how many rows there are. */
    private record FirstPass(ColumnScan[] scans, int rows) {
        static FirstPass read(TextTable text, int[] sources) throws IOException {
            ColumnScan[] scans = new ColumnScan[sources.length];
            for (int j = 0; j < scans.length; j++) {
                scans[j] = new ColumnScan(MAX_LEVELS);
            }
            int[] rows = {0};
            text.read((cells, row, line) -> {
                if ((long) (row + 1) * scans.length > MAX_VALUES) {
                    throw new DataException(text.source() + ", " + TextTable.place(row, line) + ": " + (row + 1)
                            + " rows of " + scans.length + " columns are more than the " + MAX_VALUES
                            + " values one table can hold; use fewer rows or columns (--ignore)");
                }
                for (int j = 0; j < scans.length; j++) {
                    scans[j].add(cells[sources[j]], row, line);
                }
                rows[0] = row + 1;
            });
            if (rows[0] == 0) {
                throw new DataException(text.source() + ": no data rows, only the header");
            }
            return new FirstPass(scans, rows[0]);
        }
    }

    /** The second pass: every wanted cell converted, row-major, into one array. */
    private static float[] convert(TextTable text, int[] sources, List<CellConverter> converters, int rows)
            throws IOException {
        int width = converters.size();
        float[] values = new float[rows * width];
        int[] seen = {0};
        text.read((cells, row, line) -> {
            if (row >= rows) {
                throw changed(text);
            }
            for (int j = 0; j < width; j++) {
                int c = sources[j];
                values[row * width + j] = converters.get(j).value(cells[c], text, row, line, c);
            }
            seen[0] = row + 1;
        });
        if (seen[0] != rows) {
            throw changed(text);
        }
        return values;
    }

    private static DataException changed(TextTable text) {
        return new DataException(text.source() + " changed while it was being read; run again once it is complete");
    }

    private CellConverter decide(TextTable text, String name, ColumnScan scan, List<String> warnings) {
        if (overrides.containsKey(name)) {
            return new CellConverter(typed(text, name, scan, overrides.get(name)), false);
        }
        if (name.equals(classColumn)) {
            Column declared = text.declared().get(name);
            return new CellConverter(declared != null ? declared : typed(text, name, scan, ColumnType.CATEGORICAL),
                    false);
        }
        if (text.declared().containsKey(name)) {
            return new CellConverter(text.declared().get(name), false);
        }
        return inferred(text, name, scan, warnings);
    }

    private static CellConverter inferred(TextTable text, String name, ColumnScan scan, List<String> warnings) {
        requireValues(text, name, scan);
        if (scan.allNumbers()) {
            return new CellConverter(scan.allZeroOrOne() ? Column.binary(name) : Column.numeric(name), false);
        }
        if (scan.text() < STRAY_TEXT * scan.present()) {
            warnings.add(strayText(text, name, scan));
            return new CellConverter(Column.numeric(name), true);
        }
        Set<String> distinct = scan.distinct();
        return new CellConverter(typed(text, name, scan,
                distinct != null && distinct.size() == 2 ? ColumnType.BINARY : ColumnType.CATEGORICAL), false);
    }

    private static String strayText(TextTable text, String name, ColumnScan scan) {
        boolean one = scan.text() == 1;
        return text.source() + ", column '" + name + "': " + scan.text() + " of " + scan.present() + " values "
                + (one ? "is not a number" : "are not numbers") + " (" + String.join(", ", scan.textExamples())
                + (scan.text() > scan.textExamples().size() ? ", ..." : "") + "); "
                + (one ? "it is" : "they are") + " read as missing. Give --type " + name
                + "=categorical to keep them as levels instead";
    }

    private static Column typed(TextTable text, String name, ColumnScan scan, ColumnType type) {
        if (type == ColumnType.NUMERIC) {
            return Column.numeric(name);
        }
        requireValues(text, name, scan);
        if (type == ColumnType.BINARY && scan.allZeroOrOne()) {
            return Column.binary(name);
        }
        Set<String> distinct = scan.distinct();
        if (distinct == null) {
            throw new DataException(text.source() + ", column '" + name + "': more than " + MAX_LEVELS
                    + " distinct values, more levels than a categorical column may have; if it identifies rows, "
                    + "leave it out with --ignore " + name + "; if it holds numbers, give --type " + name + "=numeric");
        }
        List<String> levels = sortedLevels(distinct);
        if (type == ColumnType.BINARY && levels.size() != 2) {
            throw new DataException(text.source() + ", column '" + name + "': binary needs exactly 2 distinct values, "
                    + "found " + levels.size() + " (" + Dataset.describeNames(levels) + ")");
        }
        if (levels.size() < 2) {
            throw new DataException(text.source() + ", column '" + name + "': a categorical column needs at least 2 "
                    + "distinct values, found " + levels.size() + " (" + Dataset.describeNames(levels) + "); drop it with --ignore "
                    + name);
        }
        return type == ColumnType.BINARY ? Column.binary(name, levels.get(0), levels.get(1))
                : Column.categorical(name, levels);
    }

    private static void requireValues(TextTable text, String name, ColumnScan scan) {
        if (scan.present() == 0) {
            throw new DataException(text.source() + ", column '" + name + "': every value is missing; drop it with "
                    + "--ignore " + name);
        }
    }

    /** Levels in numeric order when they are all numbers, else in text order. */
    private static List<String> sortedLevels(Set<String> distinct) {
        Comparator<String> order = distinct.stream().allMatch(ColumnTyping::isNumber)
                ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        sorted.addAll(distinct);
        return new ArrayList<>(sorted);
    }

    static boolean isMissing(String cell) {
        return MISSING.contains(cell);
    }

    /** Whether a cell is a number, as {@link #number(String)} reads numbers. */
    static boolean isNumber(String cell) {
        return !Double.isNaN(number(cell));
    }

    /**
     * The number a cell holds, or NaN when it holds none. Numbers are written in decimal: digits, sign,
     * point and exponent only (so not {@code Infinity}, hexadecimal or Java's {@code 1.5f}). A number beyond
     * float range is read (as itself, or infinite), to be refused where it is stored.
     */
    static double number(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if ((ch < '0' || ch > '9') && ch != '.' && ch != '-' && ch != '+' && ch != 'e' && ch != 'E') {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
