package org.vae4j.vae;

import org.vae4j.data.Table;

/**
 * A seed for each row's random draws, mixed from a run's seed and the row's modelled values (for
 * {@link Vae#anomalyScore(Table, int, long[])} and posterior samples). A row then gets the same draws whether
 * it comes in one large batch, in another batch or on its own (as Weka's FilteredClassifier and Tribuo's
 * per-example predictions hand rows over), whatever rows surround it; identical rows get identical draws.
 * The condition is not among the modelled values, so it cannot leak into the output.
 */
public final class RowSeeds {

    private RowSeeds() {}

    private static long ofRow(long seed, Table table, int row) {
        long h = mix(seed);
        for (int c = 0; c < table.width(); c++) {
            int bits = table.isMissing(row, c) ? 0x7fc00001 : Float.floatToIntBits(table.value(row, c));
            h = mix(h * 31 + bits);
        }
        return h;
    }

    /** The seed of every row of {@code table} under the seed {@code seed}, in row order. */
    public static long[] of(long seed, Table table) {
        long[] seeds = new long[table.rows()];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = ofRow(seed, table, r);
        }
        return seeds;
    }

    /**
     * A 64-bit finaliser: every input bit affects every output bit, so neighbouring inputs give unrelated
     * seeds (shared with {@link RowDraws}).
     */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
