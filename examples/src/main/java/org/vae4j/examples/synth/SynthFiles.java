package org.vae4j.examples.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vae4j.cli.data.ColumnTyping;
import org.vae4j.cli.data.DataException;
import org.vae4j.cli.data.DataLoader;
import org.vae4j.cli.data.Dataset;
import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * Reads the files a synthetic-data report compares (CSV or ARFF, through the command line's data loading):
 * the real data typed as it is, and held-out or synthetic data in the real data's columns. A numeric real
 * column is read as numbers in the other files (a cell that is not a number is an error naming its place);
 * a nominal one by level name, a level the real data lacks keeping an index of its own (see
 * {@link SynthTable}), so that it is counted as impossible rather than refused.
 */
public final class SynthFiles {

    private SynthFiles() {}

    /**
     * Reads the real data with every column.
     *
     * @param classColumn the class column (read as nominal unless the file declares it numeric), or null
     * @throws DataException naming the file, line and column of a bad cell, or the class column if absent
     */
    public static SynthTable readReal(Path file, String classColumn) throws IOException {
        Dataset data = DataLoader.load(file, null, ColumnTyping.forTraining(Map.of(), Set.of(), null));
        if (classColumn != null) {
            data.column(classColumn);
        }
        return toTable(data, data.columns());
    }

    /**
     * Reads a file with the real data's columns, matched by name.
     *
     * @param what what the file is, for messages ("--synthetic")
     * @throws DataException naming the file and a real column it lacks, or the place of a bad cell
     */
    public static SynthTable readLike(Path file, List<Column> real, String what) throws IOException {
        Map<String, ColumnType> types = new HashMap<>();
        for (Column c : real) {
            if (c.type() == ColumnType.NUMERIC || c.levels().isEmpty()) {
                types.put(c.name(), ColumnType.NUMERIC);
            }
        }
        Set<String> names = Set.copyOf(DataLoader.columnNames(file, null));
        for (Column c : real) {
            if (!names.contains(c.name())) {
                throw new DataException(what + " " + file + ": no column '" + c.name() + "', which the real data has");
            }
        }
        Set<String> others = new HashSet<>(names);
        real.forEach(c -> others.remove(c.name()));
        Dataset data = DataLoader.load(file, null, ColumnTyping.forTraining(types, others, null));
        return toTable(data, real);
    }

    /** The dataset's rows in the reference columns, levels matched by name. */
    private static SynthTable toTable(Dataset data, List<Column> reference) {
        List<Column> own = new ArrayList<>();
        for (Column c : reference) {
            own.add(data.column(c.name()));
        }
        Table table = data.table(new Schema(own, null));
        double[][] values = new double[reference.size()][table.rows()];
        for (int c = 0; c < reference.size(); c++) {
            double[] levelMap = levelMap(own.get(c), reference.get(c));
            for (int r = 0; r < table.rows(); r++) {
                double v = table.isMissing(r, c) ? Double.NaN : table.value(r, c);
                values[c][r] = levelMap == null || Double.isNaN(v) ? v : levelMap[(int) v];
            }
        }
        return new SynthTable(reference, values);
    }

    /**
     * For each level index of {@code own}, the index of the same level in {@code reference}; levels the
     * reference lacks get indices from its cardinality on. Null when no mapping is needed (numeric columns,
     * or binary columns of 0 and 1).
     */
    private static double[] levelMap(Column own, Column reference) {
        if (own.levels().isEmpty() || reference.levels().isEmpty()) {
            return null;
        }
        double[] map = new double[own.levels().size()];
        int unseen = reference.levels().size();
        for (int i = 0; i < map.length; i++) {
            int index = reference.levels().indexOf(own.levels().get(i));
            map[i] = index >= 0 ? index : unseen++;
        }
        return map;
    }
}
