package org.vae4j.examples.synth;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the synthetic cells that no real row could hold, by reason: a number outside the real column's
 * range (every number, for a column the real data never observes), a fraction in a column whose real
 * values are all whole numbers, a level the real data does not have (or a value that is no level index), and
 * a missing cell in a column the real data never leaves missing. A level counts as the real data's only
 * when a real row holds it: a level a file declares but no row uses is unseen too.
 *
 * @param cells the number of synthetic cells
 * @param byReason the impossible cells per reason
 * @param byColumn the impossible cells per column (columns with none left out)
 */
public record ImpossibleValues(long cells, Map<Reason, Long> byReason, Map<String, Long> byColumn) {

    /** Why a cell is impossible. */
    public enum Reason {
        /** A number below the real minimum or above the real maximum. */
        OUT_OF_RANGE,
        /** A fraction where every real value is a whole number. */
        FRACTIONAL,
        /** A level the real data does not have. */
        UNSEEN_LEVEL,
        /** A missing cell where the real data has none. */
        MISSING
    }

    /** Counts the impossible cells of {@code synthetic} against {@code real}. */
    public static ImpossibleValues count(SynthTable real, SynthTable synthetic) {
        Map<Reason, Long> byReason = new EnumMap<>(Reason.class);
        for (Reason r : Reason.values()) {
            byReason.put(r, 0L);
        }
        Map<String, Long> byColumn = new LinkedHashMap<>();
        for (int c = 0; c < real.width(); c++) {
            ColumnBounds bounds = ColumnBounds.of(real, c);
            long column = 0;
            for (double v : synthetic.values()[c]) {
                Reason reason = bounds.violation(v);
                if (reason != null) {
                    byReason.merge(reason, 1L, Long::sum);
                    column++;
                }
            }
            if (column > 0) {
                byColumn.put(real.columns().get(c).name(), column);
            }
        }
        return new ImpossibleValues((long) synthetic.rows() * synthetic.width(), byReason, byColumn);
    }

    /** The number of impossible cells. */
    public long impossible() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The share of impossible cells among all synthetic cells. */
    public double share() {
        return cells == 0 ? 0 : (double) impossible() / cells;
    }

    /** What the real data allows in one column. */
    private record ColumnBounds(boolean numeric, double min, double max, boolean integral, boolean[] levels,
            boolean missingSeen) {

        static ColumnBounds of(SynthTable real, int c) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean integral = true;
            boolean missing = false;
            boolean[] levels = new boolean[real.cardinality(c)];
            for (double v : real.values()[c]) {
                if (Double.isNaN(v)) {
                    missing = true;
                } else {
                    if (v >= 0 && v < levels.length) {
                        levels[(int) v] = true;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    integral &= v == Math.rint(v);
                }
            }
            return new ColumnBounds(real.isNumeric(c), min, max, integral, levels, missing);
        }

        Reason violation(double v) {
            if (Double.isNaN(v)) {
                return missingSeen ? null : Reason.MISSING;
            }
            if (!numeric) {
                return v >= 0 && v < levels.length && v == Math.rint(v) && levels[(int) v] ? null : Reason.UNSEEN_LEVEL;
            }
            if (v < min || v > max) {
                return Reason.OUT_OF_RANGE;
            }
            return integral && v != Math.rint(v) ? Reason.FRACTIONAL : null;
        }
    }
}
