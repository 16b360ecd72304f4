package org.vae4j.vae;

import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.NativeArrays;
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

    /**
     * All rows as one resident batch. Unlike {@link #slice}, the tensors keep the Java direct buffer the
     * engine wraps instead of taking a native copy: they live in {@code manager} until training ends, past
     * every use, and a large training set is then held once rather than twice.
     */
    static Batch all(EncodedRows rows, NDManager manager) {
        int n = rows.rows();
        NDArray x = manager.create(rows.values(), new Shape(n, rows.width()));
        NDArray mask = rows.mask() == null ? null : manager.create(rows.mask(), new Shape(n, rows.width()));
        NDArray condition = rows.conditions() == null
                ? null
                : manager.create(rows.conditions(), new Shape(n, rows.conditionWidth()));
        return new Batch(x, mask, condition);
    }

    private static NDArray matrix(float[] values, int from, int count, int width, NDManager manager) {
        FloatBuffer buffer = FloatBuffer.wrap(values, from * width, count * width).slice();
        return NativeArrays.copyOf(manager, buffer, new Shape(count, width));
    }
}
