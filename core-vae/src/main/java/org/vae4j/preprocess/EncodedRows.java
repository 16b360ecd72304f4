package org.vae4j.preprocess;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /**
     * These rows with their values in a direct buffer (a copy, made once, when they are not in one already),
     * which the engine then reads in place: for rows trained on again and again, each time by a new set of
     * tensors. The buffer is Java's to free, when these rows are no longer reachable.
     */
    public EncodedRows withDirectValues() {
        if (directValues != null) {
            return this;
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(Math.multiplyExact(values.remaining(), Float.BYTES))
                .order(ByteOrder.nativeOrder());
        FloatBuffer view = direct.asFloatBuffer();
        view.put(values.duplicate()).flip();
        return new EncodedRows(rows, width, view, direct, mask, conditions, conditionWidth);
    }

    /** Whether any cell is missing. */
    public boolean hasMask() {
        return mask != null;
    }
}
