package org.vae4j.vae;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.vae4j.infer.Batch;
import org.vae4j.preprocess.EncodedRows;

/** Turns encoded rows into tensors: a contiguous slice for inference, or all rows for resident training data. */
final class BatchFactory {

    private BatchFactory() {}

    /** Rows [from, from + count) as a batch on {@code manager}. */
    static Batch slice(EncodedRows rows, int from, int count, NDManager manager) {
        NDArray x = matrix(rows.values(), from, count, rows.width(), manager);
        NDArray mask = rows.mask() == null ? null : matrix(rows.mask(), from, count, rows.width(), manager);
        NDArray condition = rows.conditions() == null
                ? null
                : matrix(rows.conditions(), from, count, rows.conditionWidth(), manager);
        return new Batch(x, mask, condition);
    }

    /** All rows as one resident batch. */
    static Batch all(EncodedRows rows, NDManager manager) {
        return slice(rows, 0, rows.rows(), manager);
    }

    private static NDArray matrix(float[] values, int from, int count, int width, NDManager manager) {
        FloatBuffer buffer = FloatBuffer.wrap(values, from * width, count * width).slice();
        return manager.create(buffer, new Shape(count, width));
    }
}
