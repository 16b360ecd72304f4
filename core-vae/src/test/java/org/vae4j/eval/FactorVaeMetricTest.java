package org.vae4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FactorVaeMetricTest {

    private static final int[] LEVELS = {3, 6, 10, 8};
    private static final FactorVaeMetric.Protocol SMALL = new FactorVaeMetric.Protocol(1000, 1000, 32);

    private static double[][] reference(KnownFactors space, long seed) {
        Random random = new Random(seed);
        return space.codes(space.factorRows(2000, random), random);
    }

    @Test
    void latentsEqualToTheFactorsScoreOne() {
        KnownFactors space = KnownFactors.of(LEVELS, 2, 0);
        FactorVaeMetric metric = FactorVaeMetric.of(reference(space, 1), space, SMALL, 2);
        assertEquals(1.0, metric.accuracy(), 1e-12);
        assertEquals(1.0, metric.trainAccuracy(), 1e-12);
        assertEquals(6, metric.activeLatents());
    }

    @Test
    void randomLatentsScoreNearChance() {
        KnownFactors space = KnownFactors.of(new int[0], 10, 0);
        FixedFactorSampler ignoringFactors = new FixedFactorSampler() {
            @Override
            public int factors() {
                return LEVELS.length;
            }

            @Override
            public int levels(int factor) {
                return LEVELS[factor];
            }

            @Override
            public double[][] codesWithFactorFixed(int factor, int level, int count, Random random) {
                return space.codes(new int[count][0], random);
            }
        };
        FactorVaeMetric metric = FactorVaeMetric.of(reference(space, 3), ignoringFactors, SMALL, 4);
        double chance = 1.0 / LEVELS.length;
        assertTrue(Math.abs(metric.accuracy() - chance) < 0.06, "accuracy " + metric.accuracy());
    }

    @Test
    void theOrderOfTheLatentsDoesNotMatter() {
        KnownFactors plain = KnownFactors.of(LEVELS, 3, 1.5);
        KnownFactors permuted = plain.permuted(new int[] {5, 2, 6, 0, 4, 1, 3});
        FactorVaeMetric a = FactorVaeMetric.of(reference(plain, 5), plain, SMALL, 6);
        FactorVaeMetric b = FactorVaeMetric.of(reference(permuted, 5), permuted, SMALL, 6);
        assertTrue(a.accuracy() > 0.3 && a.accuracy() < 0.99, "a noisy code, neither extreme: " + a.accuracy());
        assertEquals(a, b);
    }

    @Test
    void collapsedLatentsDoNotVote() {
        // The factors scaled down to a variance below the threshold: they cannot win the argmin.
        KnownFactors space = KnownFactors.of(LEVELS, 2, 0);
        FixedFactorSampler shrunk = new FixedFactorSampler() {
            @Override
            public int factors() {
                return space.factors();
            }

            @Override
            public int levels(int factor) {
                return space.levels(factor);
            }

            @Override
            public double[][] codesWithFactorFixed(int factor, int level, int count, Random random) {
                return shrink(space.codesWithFactorFixed(factor, level, count, random));
            }
        };
        FactorVaeMetric metric = FactorVaeMetric.of(shrink(reference(space, 7)), shrunk, SMALL, 8);
        assertEquals(2, metric.activeLatents());
        assertTrue(metric.accuracy() < 0.6, "only the noise latents vote: " + metric.accuracy());
    }

    private static double[][] shrink(double[][] codes) {
        for (double[] row : codes) {
            for (int j = 0; j < LEVELS.length; j++) {
                row[j] *= 0.01;
            }
        }
        return codes;
    }

    @Test
    void codesOfAnotherWidthAreRefused() {
        KnownFactors space = KnownFactors.of(LEVELS, 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactorVaeMetric.of(new double[][] {{0, 1, 2}, {1, 2, 3}}, space, SMALL, 1));
        assertTrue(e.getMessage().contains("6 latents, the reference has 3"), e.getMessage());
    }
}
