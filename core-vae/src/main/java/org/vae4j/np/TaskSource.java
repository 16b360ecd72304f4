package org.vae4j.np;

import java.util.SplittableRandom;

/**
 * Where a neural process's training tasks come from: random context/target splits of a table's rows, or
 * functions drawn from a known process (the Gaussian-process benchmark). Draws come from the generator passed
 * in, so the same seed gives the same tasks.
 */
public interface TaskSource {

    /** Input dimensions of every task. */
    int xDim();

    /** Output dimensions of every task. */
    int yDim();

    /** The next batch of {@code tasks} tasks, drawn with {@code random}. */
    TaskBatch next(int tasks, SplittableRandom random);
}
