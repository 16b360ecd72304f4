package org.vae4j.cli.data;

import java.util.List;

/**
 * Which class each row belongs to, for colouring plots and labelling output.
 *
 * @param column the name of the class column
 * @param names the class names (index = level)
 * @param levels each row's class index, -1 where unknown
 */
public record ClassLabels(String column, List<String> names, int[] levels) {

    /** Copies the names. */
    public ClassLabels {
        names = List.copyOf(names);
    }

    /** The labels of the given rows, in that order. */
    public ClassLabels select(int[] rows) {
        int[] picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = levels[rows[i]];
        }
        return new ClassLabels(column, names, picked);
    }

    /** The class name of a row, or the empty string where it is unknown. */
    public String name(int row) {
        return levels[row] < 0 ? "" : names.get(levels[row]);
    }
}
