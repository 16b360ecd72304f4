package org.vae4j.infer.coupled;

import java.nio.LongBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.NativeArrays;

/**
 * Some rows of a batch, by position: the rows whose chains still run once the others have met. Takes those rows
 * out of any array that has the batch along one axis, keeping the gradient.
 */
final class RowSubset {

    private final long[] positions;

    /** The rows at {@code positions}, in that order. */
    RowSubset(long[] positions) {
        this.positions = positions.clone();
    }

    /** The number of rows. */
    int size() {
        return positions.length;
    }

    /** The rows of {@code array} whose batch axis is {@code axis}. */
    NDArray take(NDArray array, int axis) {
        long[] shape = array.getShape().getShape();
        long[] indexShape = new long[shape.length];
        for (int d = 0; d < shape.length; d++) {
            indexShape[d] = d == axis ? positions.length : 1;
        }
        NDArray index = NativeArrays.copyOf(array.getManager(), LongBuffer.wrap(positions), new Shape(indexShape));
        shape[axis] = positions.length;
        return array.gather(index.broadcast(new Shape(shape)), axis);
    }
}
