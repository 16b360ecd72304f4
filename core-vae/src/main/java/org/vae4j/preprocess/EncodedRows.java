package org.vae4j.preprocess;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Rows in the networks' encoding, as row-major float arrays ready to become tensors.
 *
 * @param rows number of rows
 * @param width encoded width per row
 * @param values encoded values ({@code rows * width}); missing cells hold 0
 * @param directValues the same values as a direct buffer in native order when they live in one (then the
 *     engine can use them without a copy), else null
 * @param mask 1 where a cell is observed, 0 where missing ({@code rows * width}); null when nothing is missing
 * @param conditions one-hot condition per row ({@code rows * k}); null for an unconditional model
 * @param conditionWidth k, the number of condition levels (0 when unconditional)
 */
public record EncodedRows(int rows, int width, FloatBuffer values, ByteBuffer directValues, float[] mask,
        float[] conditions, int conditionWidth) {

    /** Whether any cell is missing. */
    public boolean hasMask() {
        return mask != null;
    }
}
