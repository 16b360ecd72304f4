package org.vae4j.eval;

import java.util.Random;

/**
 * The data-generating side of the FactorVAE metric: draws observations with one ground-truth factor held
 * at a given level and every other factor random, and returns their latent codes. The caller composes
 * its generator (such as the dSprites generator) with its encoder, so the metric knows neither.
 */
public interface FixedFactorSampler {

    /** The number of ground-truth factors. */
    int factors();

    /** The number of levels factor {@code factor} takes. */
    int levels(int factor);

    /**
     * The latent codes of {@code count} observations whose factor {@code factor} is at {@code level}, the
     * other factors drawn with {@code random}.
     */
    double[][] codesWithFactorFixed(int factor, int level, int count, Random random);
}
