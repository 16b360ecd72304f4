package org.vae4j.vae;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.vae4j.data.Table;

/**
 * A latent traversal: one code decoded with each latent dimension in turn swept over a {@link TraversalGrid}
 * while the others keep the code's values. Looking at which decoded columns (or which parts of an image) move
 * with which dimension is how a model's disentanglement is judged by eye.
 *
 * <p>The decoded rows are the decoder's most likely values, as {@link Vae#decode(double[][], int[])} gives
 * them. Made by {@link Vae#traverse(Table, int, TraversalGrid)} and its overloads.
 */
public final class LatentTraversal {

    private final double[] code;
    private final int condition;
    private final TraversalGrid grid;
    private final Table rows;

    private LatentTraversal(double[] code, int condition, TraversalGrid grid, Table rows) {
        this.code = code;
        this.condition = condition;
        this.grid = grid;
        this.rows = rows;
    }

    /**
     * Decodes the traversal of {@code code} on {@code vae}.
     *
     * @param condition the condition level of a conditional model, else -1
     */
    static LatentTraversal decode(Vae vae, double[] code, int condition, TraversalGrid grid) {
        int m = vae.latentDim();
        if (code.length != m) {
            throw new IllegalArgumentException("the code to traverse has " + code.length + " values; the model has "
                    + m + " latent dimensions");
        }
        for (int j = 0; j < m; j++) {
            if (!Double.isFinite(code[j])) {
                throw new IllegalArgumentException("the code to traverse has " + code[j] + " in dimension "
                        + (j + 1) + "; every value must be finite");
            }
        }
        double[] values = grid.values();
        double[][] z = new double[m * values.length][];
        for (int d = 0; d < m; d++) {
            System.arraycopy(sweep(code, values, d), 0, z, d * values.length, values.length);
        }
        int[] conditions = condition < 0 ? null : filled(z.length, condition);
        return new LatentTraversal(code.clone(), condition, grid, vae.decode(z, conditions));
    }

    /** One copy of {@code code} per value, with {@code dimension} set to that value. */
    private static double[][] sweep(double[] code, double[] values, int dimension) {
        double[][] codes = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            codes[s] = code.clone();
            codes[s][dimension] = values[s];
        }
        return codes;
    }

    private static int[] filled(int length, int value) {
        int[] out = new int[length];
        Arrays.fill(out, value);
        return out;
    }

    /** The traversed code: the row's posterior mean, or the code given. */
    public double[] code() {
        return code.clone();
    }

    /** The condition level every decoded row was decoded with; empty for an unconditional model. */
    public OptionalInt condition() {
        return condition < 0 ? OptionalInt.empty() : OptionalInt.of(condition);
    }

    /** The values each dimension is swept over. */
    public TraversalGrid grid() {
        return grid;
    }

    /** The number of latent dimensions, one traversal each. */
    public int dimensions() {
        return code.length;
    }

    /**
     * The codes decoded for dimension {@code dimension} (counted from 0): one per step, each the traversed
     * code with that one dimension set to the step's value.
     */
    public double[][] codes(int dimension) {
        checkDimension(dimension);
        return sweep(code, grid.values(), dimension);
    }

    /** The decoded rows of dimension {@code dimension} (counted from 0), one per step. */
    public Table rows(int dimension) {
        checkDimension(dimension);
        int first = dimension * grid.steps();
        return rows.select(IntStream.range(first, first + grid.steps()).toArray());
    }

    /** Every decoded row: the steps of the first dimension, then those of the second, and so on. */
    public Table allRows() {
        return rows;
    }

    private void checkDimension(int dimension) {
        if (dimension < 0 || dimension >= code.length) {
            throw new IllegalArgumentException("latent dimension " + dimension + " does not exist: the model has "
                    + code.length + " (counted from 0)");
        }
    }
}
