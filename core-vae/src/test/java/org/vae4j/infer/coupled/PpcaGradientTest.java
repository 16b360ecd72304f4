package org.vae4j.infer.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vae4j.engine.Engines;
import org.vae4j.infer.Batch;
import org.vae4j.infer.ImportanceWeightedBound;
import org.vae4j.infer.NoiseSource;

/**
 * The coupled chains' gradient on probabilistic PCA, where grad log p(x) is closed form ({@link Ppca}): the mean of
 * many independent estimates matches it within 3 standard errors for every parameter, with the exact posterior as
 * the guide and with a deliberately poor one, while IWAE's gradient with as many particles is off by many standard
 * errors under the poor guide: the bias the method removes.
 */
class PpcaGradientTest {

    private static final int PARTICLES = 16;
    /** Copies of the rows per estimate; each estimate is the mean over the copies' independent chains. */
    private static final int COPIES = 100;
    private static final int REPLICATES = 20;
    private static final double[][] ROWS = {{2.9, -3.1, 1.6, 2.7, 2.4}, {-1.0, -0.4, -0.6, -3.2, 3.9},
        {1.2, -2.5, 0.2, 0.9, 2.7}};

    private Ppca ppca;

    @BeforeEach
    void build() {
        ppca = new Ppca();
    }

    @AfterEach
    void close() {
        ppca.close();
    }

    /**
     * With k = m = 0 the estimate is h(X_0), a self-normalised importance-sampling gradient as biased as IWAE's,
     * plus the correction terms of the coupled chains: only they make it unbiased.
     */
    @ParameterizedTest(name = "guide shifted by {0} sd, sd scaled by {1}, k = {2}, m = {3}")
    @CsvSource({"0, 1, 1, 5", "3, 3, 1, 5", "3, 3, 0, 0"})
    void meanOfTheEstimatesIsTheExactGradient(double shift, double scale, int k, int m) {
        ppca.useGuide(shift, scale);
        MeetingTimes meetings = new MeetingTimes();
        int[] histogram = new int[12];
        CoupledChainEstimator chains = new CoupledChainEstimator(PARTICLES, k, m, 200);
        Summary summary = summarise(seed -> {
            CoupledChainEstimator.Estimate estimate = chains.estimate(target(seed), new Random(seed));
            meetings.add(estimate);
            for (int t : estimate.meetingTimes()) {
                histogram[Math.min(t, histogram.length - 1)]++;
            }
            return estimate.surrogate();
        });
        for (Parameter p : ppca.guide.parameters()) {
            assertEquals(0, p.getArray().getGradient().abs().max().getFloat(), "the chains' surrogate never moves the guide");
        }
        System.out.printf("coupled chains, guide shift %.1f scale %.1f, k=%d m=%d: %s%n  meeting times %s, "
                + "tau=2..10 then >=11: %s%n", shift, scale, k, m, summary, meetings.drain(), Arrays.toString(Arrays.copyOfRange(histogram, 2, 12)));
        assertTrue(summary.largestZ() < 3, "every parameter within 3 standard errors of the exact gradient: " + summary);
        assertEquals(0, histogram[0] + histogram[1], "no row meets before step 2");
    }

    @Test
    void importanceWeightedGradientIsBiasedUnderThePoorGuide() {
        ppca.useGuide(3, 3);
        ImportanceWeightedBound iwae = new ImportanceWeightedBound(PARTICLES);
        Summary summary = summarise(seed -> iwae.perRow(ppca.guide, ppca.model, ppca.store(), batch(),
                new NoiseSource(seed), 1, true));
        System.out.printf("IWAE-%d gradient, guide shift 3 scale 3: %s%n", PARTICLES, summary);
        assertTrue(summary.largestZ() > 8, "IWAE is measurably biased: " + summary);
    }

    private GuidedModelTarget target(long seed) {
        return new GuidedModelTarget(ppca.guide, ppca.model, ppca.store(), batch(), new NoiseSource(seed));
    }

    private Batch batch() {
        return ppca.batch(ROWS, COPIES);
    }

    /** Estimates from independent seeds, each the gradient of the batch mean of a per-row surrogate. */
    private Summary summarise(Function<Long, NDArray> surrogate) {
        double[][] estimates = new double[REPLICATES][];
        for (int r = 0; r < REPLICATES; r++) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                    collector.backward(surrogate.apply(1000L + r).mean());
                }
                estimates[r] = ppca.takeGradient();
            }
        }
        return new Summary(Ppca.exactGradient(ROWS), estimates);
    }

    /** The mean of the estimates against the exact gradient, in standard errors. */
    private record Summary(double[] exact, double[][] estimates) {

        double mean(int i) {
            return Arrays.stream(estimates).mapToDouble(e -> e[i]).average().orElseThrow();
        }

        double standardError(int i) {
            double mean = mean(i);
            double squares = Arrays.stream(estimates).mapToDouble(e -> (e[i] - mean) * (e[i] - mean)).sum();
            return Math.sqrt(squares / (estimates.length - 1) / estimates.length);
        }

        double largestZ() {
            double largest = 0;
            for (int i = 0; i < exact.length; i++) {
                largest = Math.max(largest, Math.abs(mean(i) - exact[i]) / standardError(i));
            }
            return largest;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format("largest |z| %.2f", largestZ()));
            String[] names = {"w", "b", "logPsi"};
            for (int i = 0; i < exact.length; i++) {
                s.append(String.format("%n    %s[%d] exact %.4f estimated %.4f se %.4f", names[i / Ppca.D],
                        i % Ppca.D, exact[i], mean(i), standardError(i)));
            }
            return s.toString();
        }
    }
}
