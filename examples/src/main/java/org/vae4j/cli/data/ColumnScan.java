package org.vae4j.cli.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the first pass over one text column learns, for {@link ColumnTyping} to settle its type: how many
 * cells are present and how many of them are numbers, whether every number is 0 or 1, where the first few
 * cells that are not numbers are, and the distinct values while they are few. Beyond {@code maxLevels}
 * distinct values only the fact that there are more is kept, so a column of identifiers costs no memory.
 */
final class ColumnScan {

    private static final int EXAMPLES = 3;
    private static final byte TEXT = 0;
    private static final byte NUMBER = 1;
    private static final byte ZERO_OR_ONE = 2;

    private final int maxLevels;
    private Map<String, Byte> distinct = new LinkedHashMap<>();
    private int present;
    private int numbers;
    private boolean zeroOrOne = true;
    private final List<String> textExamples = new ArrayList<>();

    /** A scan that keeps at most {@code maxLevels} distinct values. */
    ColumnScan(int maxLevels) {
        this.maxLevels = maxLevels;
    }

    /** Takes in one cell of the column. */
    void add(String cell, int row, int line) {
        if (ColumnTyping.isMissing(cell)) {
            return;
        }
        present++;
        Byte kind = distinct == null ? null : distinct.get(cell);
        if (kind == null) {
            kind = kind(cell);
            if (distinct != null) {
                distinct.put(cell, kind);
                if (distinct.size() > maxLevels) {
                    distinct = null;
                }
            }
        }
        if (kind == TEXT) {
            if (textExamples.size() < EXAMPLES) {
                textExamples.add(TextTable.place(row, line) + ": '" + cell + "'");
            }
        } else {
            numbers++;
            zeroOrOne &= kind == ZERO_OR_ONE;
        }
    }

    private static byte kind(String cell) {
        double v = ColumnTyping.number(cell);
        return Double.isNaN(v) ? TEXT : v == 0 || v == 1 ? ZERO_OR_ONE : NUMBER;
    }

    /** Cells that are not missing. */
    int present() {
        return present;
    }

    /** Present cells that are not numbers. */
    int text() {
        return present - numbers;
    }

    /** Whether every present cell is a number. */
    boolean allNumbers() {
        return numbers == present;
    }

    /** Whether every present cell is the number 0 or 1. */
    boolean allZeroOrOne() {
        return allNumbers() && zeroOrOne;
    }

    /** The first few cells that are not numbers, with their places: {@code line 7: 'oops'}. */
    List<String> textExamples() {
        return List.copyOf(textExamples);
    }

    /** The distinct present values in the order first seen, or null when there are more than {@code maxLevels}. */
    Set<String> distinct() {
        return distinct == null ? null : distinct.keySet();
    }
}
