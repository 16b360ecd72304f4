package org.vae4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MutualInformationGapTest {

    private static final int[] LEVELS = {3, 6, 10, 8};

    @Test
    void handComputedGapOnFourObservations() {
        // factor v = 0 0 1 1; z1 = v (I = ln 2), z2 = 0 1 1 1 (I = 1.5 ln 2 - 0.75 ln 3), z3 constant (I = 0).
        double[][] latents = {{0, 0, 5}, {0, 1, 5}, {1, 1, 5}, {1, 1, 5}};
        int[][] factors = {{0}, {0}, {1}, {1}};
        double second = 1.5 * Math.log(2) - 0.75 * Math.log(3);
        double expected = (Math.log(2) - second) / Math.log(2);
        MutualInformationGap mig = MutualInformationGap.of(latents, factors, 2);
        assertEquals(expected, mig.score(), 1e-12);
        assertEquals(0.6887, mig.score(), 1e-4);
        assertArrayEquals(new double[] {expected}, mig.perFactor(), 1e-12);
    }

    @Test
    void latentsEqualToTheFactorsScoreNearOne() {
        Random random = new Random(1);
        KnownFactors space = KnownFactors.of(LEVELS, 2, 0);
        int[][] factors = space.factorRows(5000, random);
        MutualInformationGap mig = MutualInformationGap.of(space.codes(factors, random), factors, 20);
        assertTrue(mig.score() > 0.95, "MIG " + mig.score());
    }

    @Test
    void randomLatentsScoreNearZero() {
        Random random = new Random(2);
        KnownFactors space = KnownFactors.of(LEVELS, 0, 0);
        int[][] factors = space.factorRows(5000, random);
        double[][] latents = new double[factors.length][10];
        for (double[] row : latents) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        MutualInformationGap mig = MutualInformationGap.of(latents, factors, 20);
        assertTrue(mig.score() >= 0 && mig.score() < 0.02, "MIG " + mig.score());
    }

    @Test
    void theOrderOfTheLatentsDoesNotMatter() {
        KnownFactors space = KnownFactors.of(LEVELS, 3, 0.8);
        int[][] factors = space.factorRows(3000, new Random(3));
        double[][] plain = space.codes(factors, new Random(4));
        double[][] permuted = space.permuted(new int[] {5, 2, 6, 0, 4, 1, 3}).codes(factors, new Random(4));
        MutualInformationGap a = MutualInformationGap.of(plain, factors, 20);
        MutualInformationGap b = MutualInformationGap.of(permuted, factors, 20);
        assertTrue(a.score() > 0.05 && a.score() < 0.95, "a noisy code, neither extreme: " + a.score());
        assertEquals(a.score(), b.score(), 1e-12);
        assertArrayEquals(a.perFactor(), b.perFactor(), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationGap.of(new double[][] {{0, 1}, {1}}, new int[][] {{0}, {1}}, 20));
        assertTrue(ragged.getMessage().contains("latent row 2"), ragged.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationGap.of(new double[][] {{0, 1}, {1, 0}}, new int[][] {{0, 4}, {1, 4}}, 20));
        assertTrue(single.getMessage().contains("factor 2"), single.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> MutualInformationGap.of(new double[][] {{0, 1}, {1, 0}}, new int[][] {{0}, {-1}}, 20));
        assertTrue(negative.getMessage().contains("factor row 2"), negative.getMessage());
    }
}
