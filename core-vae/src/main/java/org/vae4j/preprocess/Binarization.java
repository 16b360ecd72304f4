package org.vae4j.preprocess;

import java.util.SplittableRandom;

import org.vae4j.data.ColumnType;
import org.vae4j.data.Table;

/**
 * Binarizes grey levels once: each numeric value p in [0, 1] becomes 1 with probability p and 0 otherwise,
 * drawn from a generator seeded by the caller, so the same table and seed give the same binary table. This
 * is how density-estimation protocols fix their validation and test images, while training images are drawn
 * afresh at every step (see {@code VaeConfig.dynamicBinarization()}). Values 0 and 1 stay as they are, so
 * binarizing binary data changes nothing; missing cells stay missing; other columns are copied.
 */
public final class Binarization {

    private Binarization() {}

    /**
     * The table with its numeric values binarized, drawn in row-major order from a generator seeded with
     * {@code seed}.
     *
     * @throws IllegalArgumentException naming the row (counted from 1) and column of a numeric value outside
     *     [0, 1]
     */
    public static Table once(Table table, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int width = table.width();
        boolean[] numeric = new boolean[width];
        for (int c = 0; c < width; c++) {
            numeric[c] = table.schema().column(c).type() == ColumnType.NUMERIC;
        }
        Table.Builder out = Table.builder(table.schema(), table.rows());
        double[] row = new double[width];
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < width; c++) {
                if (table.isMissing(r, c)) {
                    row[c] = Double.NaN;
                    continue;
                }
                float v = table.value(r, c);
                if (numeric[c] && (v < 0 || v > 1)) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column '"
                            + table.schema().column(c).name() + "': value " + v + " is outside [0, 1], so it "
                            + "cannot be binarized");
                }
                row[c] = numeric[c] ? draw(random, v) : v;
            }
            out.addRow(row, table.schema().isConditional() ? table.condition(r) : -1);
        }
        return out.build();
    }

    /** 1 with probability {@code p}, else 0: a uniform draw in [0, 1) below p. */
    static float draw(SplittableRandom random, float p) {
        return random.nextFloat() < p ? 1f : 0f;
    }
}
