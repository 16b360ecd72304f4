package org.vae4j.eval;

import java.util.Random;

/**
 * A toy factor space for metric tests: independent uniform factors with the given level counts, and a
 * representation built from them: the factor levels themselves, then pure-noise latents, with Gaussian
 * noise of {@code noise} added to every latent, in the order {@code order} (latent i of the result is
 * latent order[i] of the unpermuted code).
 */
record KnownFactors(int[] levels, int noiseLatents, double noise, int[] order) implements FixedFactorSampler {

    static KnownFactors of(int[] levels, int noiseLatents, double noise) {
        int[] identity = new int[levels.length + noiseLatents];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return new KnownFactors(levels, noiseLatents, noise, identity);
    }

    KnownFactors permuted(int[] newOrder) {
        return new KnownFactors(levels, noiseLatents, noise, newOrder);
    }

    /** Random factor rows. */
    int[][] factorRows(int n, Random random) {
        int[][] rows = new int[n][levels.length];
        for (int[] row : rows) {
            for (int k = 0; k < levels.length; k++) {
                row[k] = random.nextInt(levels[k]);
            }
        }
        return rows;
    }

    /** The representation of factor rows (noise drawn with {@code random}). */
    double[][] codes(int[][] factorRows, Random random) {
        double[][] codes = new double[factorRows.length][];
        for (int r = 0; r < codes.length; r++) {
            double[] plain = new double[order.length];
            for (int j = 0; j < plain.length; j++) {
                double signal = j < levels.length ? factorRows[r][j] : 0;
                plain[j] = signal + (j < levels.length ? noise : 1) * random.nextGaussian();
            }
            codes[r] = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                codes[r][i] = plain[order[i]];
            }
        }
        return codes;
    }

    @Override
    public int factors() {
        return levels.length;
    }

    @Override
    public int levels(int factor) {
        return levels[factor];
    }

    @Override
    public double[][] codesWithFactorFixed(int factor, int level, int count, Random random) {
        int[][] rows = factorRows(count, random);
        for (int[] row : rows) {
            row[factor] = level;
        }
        return codes(rows, random);
    }
}
