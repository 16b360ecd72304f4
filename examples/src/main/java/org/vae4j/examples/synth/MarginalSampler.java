package org.vae4j.examples.synth;

import java.util.Random;

/**
 * The independent-marginals baseline: each cell of a new row is drawn from its column's training cells
 * (missing ones included) uniformly at random, independently of the other columns. Each column follows its
 * empirical distribution exactly in expectation, and every dependence between columns is lost.
 */
public final class MarginalSampler {

    private final SynthTable training;

    /** A sampler of the training rows' columns. */
    public MarginalSampler(SynthTable training) {
        if (training.rows() == 0) {
            throw new IllegalArgumentException("no training rows to sample from");
        }
        this.training = training;
    }

    /** {@code n} new rows drawn with this seed. */
    public SynthTable sample(int n, long seed) {
        Random random = new Random(seed);
        double[][] values = new double[training.width()][n];
        for (int c = 0; c < values.length; c++) {
            for (int r = 0; r < n; r++) {
                values[c][r] = training.value(random.nextInt(training.rows()), c);
            }
        }
        return new SynthTable(training.columns(), values);
    }
}
