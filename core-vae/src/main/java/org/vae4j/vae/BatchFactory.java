package org.vae4j.vae;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.Batch;
import org.vae4j.preprocess.EncodedRows;

/** Turns encoded rows into tensors: a contiguous slice for inference, or all rows for resident training data. */
final class BatchFactory {

    /** Values per chunk when filling a resident tensor (16 MiB of floats). */
    private static final int RESIDENT_CHUNK_VALUES = 1 << 22;

    private BatchFactory() {}

    /** Rows [from, from + count) as a batch on {@code manager}. */
    static Batch slice(EncodedRows rows, int from, int count, NDManager manager) {
        NDArray x = rows.directValues() != null
                ? directMatrix(rows.directValues(), from, count, rows.width(), manager)
                : matrix(rows.values(), from, count, rows.width(), manager);
        NDArray mask = rows.mask() == null ? null : matrix(rows.mask(), from, count, rows.width(), manager);
        NDArray condition = rows.conditions() == null
                ? null
                : matrix(rows.conditions(), from, count, rows.conditionWidth(), manager);
        return new Batch(x, mask, condition);
    }

    /**
     * All rows as one resident batch in native memory, filled in chunks so that no second full-size copy
     * of a large training set is ever held in Java. Values that already live in a direct buffer are used
     * in place: the wrapping tensor lives in {@code manager} until training ends, past every use (each
     * step gathers its rows into a fresh tensor), so the buffer outlives everything the engine does with it.
     */
    static Batch all(EncodedRows rows, NDManager manager) {
        int n = rows.rows();
        NDArray x = rows.directValues() != null
                ? manager.create(rows.directValues(), new Shape(n, rows.width()), DataType.FLOAT32)
                : resident(rows.values(), n, rows.width(), manager);
        NDArray mask = rows.mask() == null ? null : resident(rows.mask(), n, rows.width(), manager);
        NDArray condition = rows.conditions() == null
                ? null
                : resident(rows.conditions(), n, rows.conditionWidth(), manager);
        return new Batch(x, mask, condition);
    }

    private static NDArray resident(float[] values, int rows, int width, NDManager manager) {
        return resident(FloatBuffer.wrap(values), rows, width, manager);
    }

    private static NDArray resident(FloatBuffer values, int rows, int width, NDManager manager) {
        NDArray target = manager.zeros(new Shape(rows, width));
        int chunk = Math.max(1, RESIDENT_CHUNK_VALUES / Math.max(1, width));
        for (int from = 0; from < rows; from += chunk) {
            int count = Math.min(chunk, rows - from);
            try (NDArray part = matrix(values, from, count, width, manager)) {
                target.set(new NDIndex("{}:{}", from, from + count), part);
            }
        }
        return target;
    }

    /**
     * Rows as a tensor that wraps a Java direct buffer (no native copy). Safe here because every use is
     * an inference call or a chunk copy that ends before the wrapper is closed, with autograd off, so no
     * engine object outlives the buffer (see {@link NativeArrays} for the case where that fails).
     */
    private static NDArray directMatrix(ByteBuffer values, int from, int count, int width, NDManager manager) {
        ByteBuffer view = values.duplicate();
        view.limit((from + count) * width * Float.BYTES).position(from * width * Float.BYTES);
        return manager.create(view.slice(), new Shape(count, width), DataType.FLOAT32);
    }

    private static NDArray matrix(float[] values, int from, int count, int width, NDManager manager) {
        return matrix(FloatBuffer.wrap(values), from, count, width, manager);
    }

    private static NDArray matrix(FloatBuffer values, int from, int count, int width, NDManager manager) {
        FloatBuffer buffer = values.duplicate();
        buffer.limit((from + count) * width).position(from * width);
        return manager.create(buffer.slice(), new Shape(count, width));
    }
}
