package org.vae4j.vae;

/**
 * The values a latent traversal sweeps each dimension over: {@code steps} evenly spaced values from
 * {@code from} to {@code to}, both included. Under the standard-normal prior, [-3, 3] covers all but 0.3% of
 * a dimension's mass, which is why it is the {@link #DEFAULT}.
 *
 * @param from the first value
 * @param to the last value, greater than {@code from}
 * @param steps the number of values, at least 2
 */
public record TraversalGrid(double from, double to, int steps) {

    /** [-3, 3] in 9 steps. */
    public static final TraversalGrid DEFAULT = new TraversalGrid(-3, 3, 9);

    /**
     * @throws IllegalArgumentException naming the range or the steps when the range is not finite and
     *     increasing or there are fewer than 2 steps
     */
    public TraversalGrid {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
            throw new IllegalArgumentException("the traversal range [" + from + ", " + to
                    + "] must be finite with its start below its end");
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a traversal needs at least 2 steps, got " + steps);
        }
    }

    /** The swept values, first {@code from}, last exactly {@code to}. */
    public double[] values() {
        double[] values = new double[steps];
        for (int i = 0; i < steps; i++) {
            values[i] = i == steps - 1 ? to : from + i * (to - from) / (steps - 1);
        }
        return values;
    }
}
