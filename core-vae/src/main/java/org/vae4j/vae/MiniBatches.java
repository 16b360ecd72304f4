package org.vae4j.vae;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.NativeArrays;
import org.vae4j.engine.NativeKernels;
import org.vae4j.infer.Batch;
import org.vae4j.preprocess.EncodedRows;

/**
 * A training run's rows, resident in native memory for the whole run, and the shuffled mini-batches
 * gathered from them. Where vae4j's native kernels can read the resident arrays, a mini-batch is one
 * gather call per array ({@link NativeKernels#gatherRows}; their storage is taken once, as the arrays
 * stay put for the run); elsewhere it is an index array and an indexing call.
 */
final class MiniBatches {

    private final Batch resident;
    private final NDManager manager;
    /** The storage of x, mask and condition (null entries for absent arrays), or null without the kernels. */
    private final ByteBuffer[] storage;

    /** All of {@code rows}, made resident in {@code manager}, which must outlive every gathered batch. */
    MiniBatches(EncodedRows rows, NDManager manager) {
        this.resident = BatchFactory.all(rows, manager);
        this.manager = manager;
        this.storage = NativeKernels.canWorkOn(resident.x())
                ? new ByteBuffer[] {storageOf(resident.x()), storageOf(resident.mask()), storageOf(resident.condition())}
                : null;
    }

    /** Rows {@code order[from]} to {@code order[from + count - 1]} as a batch of fresh arrays. */
    Batch gather(int[] order, int from, int count) {
        long[] indices = new long[count];
        for (int i = 0; i < count; i++) {
            indices[i] = order[from + i];
        }
        if (storage != null) {
            return new Batch(rows(resident.x(), storage[0], indices), rows(resident.mask(), storage[1], indices),
                    rows(resident.condition(), storage[2], indices));
        }
        NDArray index = NativeArrays.copyOf(manager, LongBuffer.wrap(indices), new Shape(count));
        return new Batch(rows(resident.x(), index), rows(resident.mask(), index), rows(resident.condition(), index));
    }

    private static ByteBuffer storageOf(NDArray array) {
        return array == null ? null : NativeKernels.storageOf(array);
    }

    private static NDArray rows(NDArray source, NDArray index) {
        return source == null ? null : source.get(new NDIndex("{}", index));
    }

    private static NDArray rows(NDArray source, ByteBuffer sourceStorage, long[] indices) {
        if (source == null) {
            return null;
        }
        long width = source.getShape().get(1);
        NDArray target = source.getManager().create(new Shape(indices.length, width));
        NativeKernels.gatherRows(sourceStorage, indices, NativeKernels.storageOf(target), width * Float.BYTES);
        return target;
    }
}
