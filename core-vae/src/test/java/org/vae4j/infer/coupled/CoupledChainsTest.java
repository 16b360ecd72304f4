package org.vae4j.infer.coupled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.infer.NoiseSource;

/**
 * The coupling on probabilistic PCA ({@link Ppca}) under a poor guide: once a row's chains meet they hold the
 * same particles and weights at every later step, while a row that has not met never does; the same seeds give
 * the same estimates and meeting times.
 */
class CoupledChainsTest {

    private static final double[][] ROWS = {{2.9, -3.1, 1.6, 2.7, 2.4}, {-1.0, -0.4, -0.6, -3.2, 3.9}};

    private Ppca ppca;

    @BeforeEach
    void build() {
        ppca = new Ppca();
        ppca.useGuide(3, 3);
    }

    @AfterEach
    void close() {
        ppca.close();
    }

    private GuidedModelTarget target(long seed) {
        return new GuidedModelTarget(ppca.guide, ppca.model, ppca.store(), ppca.batch(ROWS, 100), new NoiseSource(seed));
    }

    @Test
    void chainsAgreeExactlyAfterMeetingAndDifferBefore() {
        int[] checked = new int[2];
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            CoupledChainEstimator.Estimate estimate = new CoupledChainEstimator(4, 1, 3, 50).estimate(target(5),
                    new Random(5), (step, x, y, met) -> {
                        boolean[] together = met.toBooleanArray();
                        float[][] xz = columns(x.z());
                        float[][] yz = columns(y.z());
                        float[][] xw = columns(x.logWeight());
                        float[][] yw = columns(y.logWeight());
                        for (int b = 0; b < together.length; b++) {
                            if (together[b]) {
                                assertArrayEquals(xz[b], yz[b], "row " + b + " particles at step " + step);
                                assertArrayEquals(xw[b], yw[b], "row " + b + " weights at step " + step);
                                checked[0]++;
                            } else {
                                assertFalse(xz[b][0] == yz[b][0], "row " + b + " kept particles apart at step " + step);
                                checked[1]++;
                            }
                        }
                    });
            assertTrue(checked[0] > 100 && checked[1] > 100, "states checked together/apart: " + checked[0] + "/"
                    + checked[1]);
            for (int t : estimate.meetingTimes()) {
                assertTrue(t >= 2 && t <= 50, "meeting time " + t);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameEstimates() {
        CoupledChainEstimator chains = new CoupledChainEstimator(8, 1, 5, 50);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            CoupledChainEstimator.Estimate a = chains.estimate(target(9), new Random(9));
            CoupledChainEstimator.Estimate b = chains.estimate(target(9), new Random(9));
            CoupledChainEstimator.Estimate c = chains.estimate(target(10), new Random(10));
            assertArrayEquals(a.surrogate().toFloatArray(), b.surrogate().toFloatArray());
            assertArrayEquals(a.meetingTimes(), b.meetingTimes());
            assertFalse(java.util.Arrays.equals(a.surrogate().toFloatArray(), c.surrogate().toFloatArray()),
                    "another seed, other estimates");
        }
    }

    @Test
    void rowsApartAtTheCapAreCountedAndKeepTheTimeAverage() {
        ppca.useGuide(40, 0.05); // far off and narrow: the chains almost never move, so they cannot meet
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            CoupledChainEstimator.Estimate estimate = new CoupledChainEstimator(4, 1, 3, 6).estimate(target(3),
                    new Random(3));
            int capped = 0;
            for (int b = 0; b < estimate.capped().length; b++) {
                capped += estimate.capped()[b] ? 1 : 0;
                assertEquals(estimate.capped()[b] ? 6 : estimate.meetingTimes()[b], estimate.meetingTimes()[b]);
            }
            assertTrue(capped > 0, "some rows capped");
            assertTrue(Float.isFinite(estimate.surrogate().sum().getFloat()));
        }
    }

    /** (N, B[, M]) values as one array per row b, all particles (and latent values) in order. */
    private static float[][] columns(NDArray values) {
        NDArray perRow = values.reshape(values.getShape().get(0), values.getShape().get(1), -1).transpose(1, 0, 2);
        int rows = (int) perRow.getShape().get(0);
        float[][] result = new float[rows][];
        for (int b = 0; b < rows; b++) {
            result[b] = perRow.get(new NDIndex("{}", b)).toFloatArray();
        }
        return result;
    }
}
