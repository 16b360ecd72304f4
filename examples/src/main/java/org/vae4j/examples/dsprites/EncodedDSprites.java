package org.vae4j.examples.dsprites;

import java.util.Random;

import org.vae4j.eval.FixedFactorSampler;
import org.vae4j.vae.Vae;

/**
 * dSprites seen through a trained VAE: draws sprites with one factor fixed and returns their posterior
 * means, the sampler the FactorVAE metric needs.
 */
public final class EncodedDSprites implements FixedFactorSampler {

    private final Vae vae;

    /** Encodes with {@code vae}, which the caller keeps open while the metric runs. */
    public EncodedDSprites(Vae vae) {
        this.vae = vae;
    }

    @Override
    public int factors() {
        return DSprites.factors();
    }

    @Override
    public int levels(int factor) {
        return DSprites.levels(factor);
    }

    @Override
    public double[][] codesWithFactorFixed(int factor, int level, int count, Random random) {
        return vae.encodeMeans(DSprites.images(DSprites.factorsWithOneFixed(factor, level, count, random)));
    }
}
