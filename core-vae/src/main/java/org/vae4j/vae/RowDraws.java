package org.vae4j.vae;

import java.util.Random;

/**
 * The random generator of one generated row: its condition level, its latent values and its sampled cells
 * all come from a generator seeded by the run's seed and the row's index. A row is therefore the same
 * whether the rows are made all at once or a chunk at a time, and a chunk far into a long run starts
 * without drawing the rows before it.
 */
final class RowDraws {

    private RowDraws() {}

    /** The generator of row {@code row} (counted from 0) of the run seeded with {@code seed}. */
    static Random of(long seed, long row) {
        return new Random(RowSeeds.mix(seed + 0x9E3779B97F4A7C15L * (row + 1)));
    }
}
