package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.vae4j.engine.Engines;

/**
 * With one generator per row, a row's noise (all its importance samples, pass after pass) is what the row
 * gets on its own, whatever rows are batched with it and where it sits in the batch.
 */
class NoiseSourceTest {

    private static final int SAMPLES = 3;
    private static final int LATENT = 2;

    /** Row {@code row}'s values of a (samples, rows, latent) draw, sample after sample. */
    private static float[] rowOf(float[] noise, int rows, int row) {
        float[] out = new float[SAMPLES * LATENT];
        for (int i = 0; i < SAMPLES; i++) {
            System.arraycopy(noise, (i * rows + row) * LATENT, out, i * LATENT, LATENT);
        }
        return out;
    }

    @Test
    void aRowDrawsTheSameNoiseAloneAsInABatch() {
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            long[] seeds = {5, -9, 123_456_789_012L};
            NoiseSource batched = NoiseSource.perRow(seeds);
            NoiseSource reversed = NoiseSource.perRow(new long[] {seeds[2], seeds[1], seeds[0]});
            NoiseSource[] alone = new NoiseSource[seeds.length];
            for (int r = 0; r < seeds.length; r++) {
                alone[r] = new NoiseSource(seeds[r]);
            }
            for (int pass = 0; pass < 2; pass++) {
                float[] all = batched.standardNormal(manager, new Shape(SAMPLES, 3, LATENT)).toFloatArray();
                float[] backwards = reversed.standardNormal(manager, new Shape(SAMPLES, 3, LATENT)).toFloatArray();
                for (int r = 0; r < seeds.length; r++) {
                    float[] expected = alone[r].standardNormal(manager, new Shape(SAMPLES, 1, LATENT)).toFloatArray();
                    assertArrayEquals(expected, rowOf(all, 3, r), "row " + r + ", pass " + pass);
                    assertArrayEquals(expected, rowOf(backwards, 3, 2 - r), "row " + r + " elsewhere, pass " + pass);
                }
            }
            assertThrows(IllegalArgumentException.class,
                    () -> batched.standardNormal(manager, new Shape(SAMPLES, 2, LATENT)));
            float[] twoRows = NoiseSource.perRow(new long[] {1, 2}).standardNormal(manager, new Shape(2, LATENT))
                    .toFloatArray();
            assertFalse(Arrays.equals(Arrays.copyOf(twoRows, LATENT), Arrays.copyOfRange(twoRows, LATENT, 2 * LATENT)),
                    "rows with different seeds draw different noise");
        }
    }
}
