package org.vae4j.vae;

import java.util.Random;

/**
 * The random draws of {@link Vae#generate}, split so that the rows can be made a chunk at a time and still be
 * the rows of one pass over all of them. One pass draws, from one generator, every row's condition level, then
 * every row's latent values, then every sampled cell. Here three copies of that generator start where their
 * part of the sequence starts, so each chunk draws its levels, latents and cells in turn.
 */
final class GenerationDraws {

    private final Random levels;
    private final Random latents;
    private final Random cells;

    /**
     * The draws for {@code rows} rows.
     *
     * @param drawsLevels whether a condition level is drawn for each row (one {@code nextDouble} each)
     */
    GenerationDraws(long seed, long rows, int latentDim, boolean drawsLevels) {
        levels = new Random(seed);
        latents = new Random(seed);
        cells = new Random(seed);
        if (drawsLevels) {
            for (long r = 0; r < rows; r++) {
                latents.nextDouble();
                cells.nextDouble();
            }
        }
        for (long i = 0; i < rows * latentDim; i++) {
            cells.nextGaussian();
        }
    }

    /** The generator of the condition levels. */
    Random levels() {
        return levels;
    }

    /** The generator of the latent values. */
    Random latents() {
        return latents;
    }

    /** The generator of the cells sampled from the likelihood. */
    Random cells() {
        return cells;
    }
}
