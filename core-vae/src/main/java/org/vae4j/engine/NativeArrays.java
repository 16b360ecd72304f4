package org.vae4j.engine;

import java.nio.Buffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Moves Java values into engine-owned native memory.
 *
 * <p>Why not {@code NDManager.create(Buffer)} alone: on the CPU, DJL's PyTorch engine wraps the direct
 * buffer it copies the values into (no second copy), so the tensor's storage is Java-owned memory kept
 * alive by one Java reference. Tensors derived from it by the engine can outlive that reference, and once
 * the collector frees the buffer the engine reads freed memory: training here turned non-deterministic and
 * occasionally NaN, and became exact again with the collector switched off. Every array vae4j builds from
 * Java values therefore gets its own native copy, and the Java-backed wrapper is closed at once; constants
 * in differentiable arithmetic come from {@link #scalar}.
 */
public final class NativeArrays {

    private NativeArrays() {}

    /**
     * A natively owned scalar of {@code like}'s type on its device and manager, for arithmetic with
     * constants. Use it instead of DJL's {@code mul(Number)} family: those wrap the constant in a
     * Java-backed tensor and close it right after the operation, but autograd keeps the constant for the
     * backward pass, which then reads memory the collector may already have freed (observed as
     * run-to-run differences and sporadic NaN losses in training).
     */
    public static NDArray scalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /** A natively owned array of the given shape holding {@code values} (float or long buffer). */
    public static NDArray copyOf(NDManager manager, Buffer values, Shape shape) {
        try (NDArray javaBacked = manager.create(values, shape)) {
            return javaBacked.duplicate();
        }
    }

    /**
     * Overwrites every element of {@code target} in its own native storage (same size, row-major).
     *
     * @throws IllegalArgumentException if the sizes differ
     */
    public static void overwrite(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("expected " + target.size() + " values for an array of shape "
                    + target.getShape() + ", got " + values.length);
        }
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.set(new NDIndex("..."), source);
        }
    }
}
