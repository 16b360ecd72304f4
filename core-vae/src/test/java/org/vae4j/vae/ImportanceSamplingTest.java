package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * The importance-sampled log-likelihood is a lower bound that starts at the ELBO (k = 1) and tightens as
 * k grows. Data on a noisy ring give a posterior that a Gaussian guide cannot match, so the gaps are real.
 */
class ImportanceSamplingTest {

    private static Table ring(int n, Random random) {
        Table.Builder builder = Table.builder(Schema.numeric("x", 2), n);
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * random.nextDouble();
            builder.addRow(new double[] {Math.cos(angle) + 0.1 * random.nextGaussian(),
                    Math.sin(angle) + 0.1 * random.nextGaussian()});
        }
        return builder.build();
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    private static double standardError(double[] values) {
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (values.length - 1) / values.length);
    }

    @Test
    void boundTightensWithMoreSamplesStartingFromTheElbo() {
        Random random = new Random(17);
        VaeConfig config = VaeConfig.builder().latentDim(1).hidden(List.of(64)).epochs(60).batchSize(64).warmupEpochs(10)
                .learningRate(3e-3).seed(2).build();
        try (Vae vae = new VaeTrainer(config).fit(ring(2000, random))) {
            Table test = ring(1000, random);
            double[] elbo = vae.elbo(test, 1);
            double[] k1 = vae.logLikelihood(test, 1, 2);
            double[] k10 = vae.logLikelihood(test, 10, 3);
            double[] k100 = vae.logLikelihood(test, 100, 4);
            double noise = 3 * Math.hypot(standardError(elbo), standardError(k1));
            assertEquals(mean(elbo), mean(k1), noise, "k = 1 estimates the ELBO");
            assertTrue(mean(k10) > mean(elbo) + 0.01, "k = 10 tightens the bound: " + mean(k10) + " vs " + mean(elbo));
            assertTrue(mean(k100) > mean(k10), "k = 100 tightens further: " + mean(k100) + " vs " + mean(k10));
            double[] score = vae.anomalyScore(test, 100, 4);
            assertEquals(-k100[0], score[0], 1e-9, "the anomaly score is the negative log-likelihood");
        }
    }

    @Test
    void samplesBeyondOnePassAreCombinedIntoTheSameEstimate() {
        Random random = new Random(5);
        VaeConfig config = VaeConfig.builder().latentDim(1).hidden(List.of(8)).epochs(2).seed(3).build();
        try (Vae vae = new VaeTrainer(config).fit(ring(200, random))) {
            Table one = ring(1, random);
            Table twice = one.select(new int[] {0, 0, 0});
            // With k = 1024 each row is its own pass, so the three rows take the first, second and third
            // 1024 draws: together they are the 3072 draws that k = 3072 takes for the one row.
            double[] perPass = vae.logLikelihood(twice, 1024, 9);
            double max = Math.max(perPass[0], Math.max(perPass[1], perPass[2]));
            double expected = max + Math.log((Math.exp(perPass[0] - max) + Math.exp(perPass[1] - max)
                    + Math.exp(perPass[2] - max)) / 3);
            assertEquals(expected, vae.logLikelihood(one, 3072, 9)[0], 1e-4);
            double[] uneven = vae.logLikelihood(twice, 1500, 9);
            assertTrue(Double.isFinite(uneven[0]) && uneven[0] != uneven[1], "1500 = 1024 + 476 draws per row");
            List<Integer> done = new java.util.ArrayList<>();
            assertEquals(uneven[2], vae.logLikelihood(twice, 1500, 9, done::add)[2], 0, "progress changes nothing");
            assertEquals(List.of(1, 2, 3), done, "rows done after each pass over a chunk of one row");
        }
    }

    @Test
    void aRowWithItsOwnSeedScoresTheSameAloneAsInABatch() {
        Random random = new Random(8);
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(2).seed(4).build();
        try (Vae vae = new VaeTrainer(config).fit(ring(200, random))) {
            Table rows = ring(5, random);
            long[] seeds = {21, -3, 40_000_000_000L, 7, 21};
            // k = 3: one pass over all rows; k = 300: chunks of three rows; k = 1500: two passes per row.
            for (int k : new int[] {3, 300, 1500}) {
                double[] batched = vae.logLikelihood(rows, k, seeds);
                double[] reversed = vae.logLikelihood(rows.select(new int[] {4, 3, 2, 1, 0}), k,
                        new long[] {seeds[4], seeds[3], seeds[2], seeds[1], seeds[0]});
                for (int r = 0; r < batched.length; r++) {
                    Table alone = rows.select(new int[] {r});
                    double single = vae.logLikelihood(alone, k, new long[] {seeds[r]})[0];
                    // Batched passes may round the float sums differently: measured up to 1 float ulp (2e-7).
                    double rounding = 1e-6 * Math.abs(single);
                    assertEquals(single, batched[r], rounding, "k = " + k + ", row " + r + " alone and in the batch");
                    assertEquals(single, reversed[4 - r], rounding, "k = " + k + ", row " + r + " among other neighbours");
                    assertEquals(single, vae.logLikelihood(alone, k, seeds[r])[0], 0,
                            "one row with its seed is the call with that seed");
                }
                assertEquals(-batched[2], vae.anomalyScore(rows, k, seeds)[2], 0);
            }
            Table same = rows.select(new int[] {0, 0});
            double[] twoSeeds = vae.logLikelihood(same, 3, new long[] {1, 2});
            assertTrue(twoSeeds[0] != twoSeeds[1], "each row draws from its own seed");
        }
    }

    @Test
    void oneSeedIsNeededPerRow() {
        VaeConfig config = VaeConfig.builder().latentDim(1).hidden(List.of(4)).epochs(1).seed(1).build();
        try (Vae vae = new VaeTrainer(config).fit(ring(20, new Random(1)))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> vae.anomalyScore(ring(3, new Random(2)), 5, new long[] {1, 2}));
            assertEquals("2 row seeds for 3 rows: one seed is needed per row", e.getMessage());
        }
    }

    @Test
    void combiningLogMeansWeighsByCount() {
        assertEquals(Math.log((3 * Math.exp(-2.0) + Math.exp(5.0)) / 4), Vae.combineLogMeans(-2, 3, 5, 1), 1e-12);
        assertEquals(Math.log((3 * Math.exp(-2.0) + Math.exp(5.0)) / 4), Vae.combineLogMeans(5, 1, -2, 3), 1e-12);
        assertEquals(-1000, Vae.combineLogMeans(-1000, 7, -1000, 2), 1e-9, "no underflow far below 0");
    }
}
