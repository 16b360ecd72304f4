package org.vae4j.infer;

import java.util.Random;

/**
 * Draws latent codes from a prior whose parameters were read once, so that generating many rows costs one
 * read of the parameters and plain-Java draws from each row's own generator (which keeps generated rows
 * the same however they are chunked).
 */
@FunctionalInterface
public interface PriorSampler {

    /** One latent code z ~ p(z), drawn from {@code random}. */
    double[] draw(Random random);
}
