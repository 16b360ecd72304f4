package org.vae4j.io;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One named float32 parameter tensor of a model file, with its values in row-major order. The file stores
 * tensors in this neutral form rather than in an engine's own encoding, so that every name, shape and value
 * can be checked before any engine memory is allocated.
 *
 * @param name the parameter's name, such as {@code encoder.layer0.weight}
 * @param shape the dimensions, outermost first
 * @param values the row-major values (as many as the shape's dimensions multiply to)
 */
public record NamedTensor(String name, long[] shape, float[] values) {

    /** The name of the only element type a model file holds. */
    public static final String DTYPE = "float32";

    /** Copies the shape; checks that the values fill it. */
    public NamedTensor {
        shape = shape.clone();
        if (elements(shape) != values.length) {
            throw new IllegalArgumentException("parameter " + name + ": shape " + describe(shape) + " needs "
                    + elements(shape) + " values, got " + values.length);
        }
    }

    /** The shape as text, such as {@code (400, 784)}. */
    public static String describe(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The number of elements a shape holds.
     *
     * @throws ArithmeticException if it overflows a long
     */
    public static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
