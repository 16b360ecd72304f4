package org.vae4j.vae;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A snapshot of a training run between two steps, in plain arrays: every parameter by its model-file name,
 * Adam's two moment estimates of each, and Adam's step count. It is what data-parallel training sends to
 * the workers and gets back from them ({@link ShardTrainer}); {@link #mean} averages the workers' states
 * (parameter averaging). Immutable once made: callers get copies.
 */
public final class TrainingState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final float[][] values;
    private final float[][] firstMoments;
    private final float[][] secondMoments;
    private final int optimizerSteps;

    /**
     * A state of the named parameters (same order in every array).
     *
     * @throws IllegalArgumentException if the arrays disagree in number or size, or the step count is negative
     */
    public TrainingState(List<String> names, float[][] values, float[][] firstMoments, float[][] secondMoments,
            int optimizerSteps) {
        int n = names.size();
        if (values.length != n || firstMoments.length != n || secondMoments.length != n) {
            throw new IllegalArgumentException("a training state needs values and two moments for each of its " + n
                    + " parameters");
        }
        for (int i = 0; i < n; i++) {
            if (firstMoments[i].length != values[i].length || secondMoments[i].length != values[i].length) {
                throw new IllegalArgumentException("parameter '" + names.get(i) + "' has " + values[i].length
                        + " values but moments of " + firstMoments[i].length + " and " + secondMoments[i].length);
            }
        }
        if (optimizerSteps < 0) {
            throw new IllegalArgumentException("the optimizer's step count must be >= 0, got " + optimizerSteps);
        }
        this.names = names.toArray(new String[0]);
        this.values = deepCopy(values);
        this.firstMoments = deepCopy(firstMoments);
        this.secondMoments = deepCopy(secondMoments);
        this.optimizerSteps = optimizerSteps;
    }

    /**
     * The element-wise arithmetic mean of states of the same parameters and step count: the parameter
     * averaging of synchronous data-parallel training (each worker starts a round from the same state and
     * takes the same number of steps). Sums run in double precision in list order, so the same states in
     * the same order always give the same mean; the mean of one state, or of copies of one state, is that
     * state.
     *
     * @throws IllegalArgumentException for no states, or states of different parameters or step counts
     */
    public static TrainingState mean(List<TrainingState> states) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("cannot average no training states");
        }
        TrainingState first = states.get(0);
        for (TrainingState s : states) {
            if (!Arrays.equals(s.names, first.names) || s.optimizerSteps != first.optimizerSteps
                    || !sameShapes(s.values, first.values)) {
                throw new IllegalArgumentException("cannot average training states of different parameters or step "
                        + "counts (" + s.optimizerSteps + " and " + first.optimizerSteps + " steps)");
            }
        }
        return new TrainingState(List.of(first.names), mean(states, 0), mean(states, 1), mean(states, 2),
                first.optimizerSteps);
    }

    private static boolean sameShapes(float[][] a, float[][] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                return false;
            }
        }
        return true;
    }

    private static float[][] mean(List<TrainingState> states, int part) {
        float[][] template = states.get(0).part(part);
        float[][] out = new float[template.length][];
        for (int i = 0; i < template.length; i++) {
            double[] sum = new double[template[i].length];
            for (TrainingState s : states) {
                float[] v = s.part(part)[i];
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += v[j];
                }
            }
            out[i] = new float[sum.length];
            for (int j = 0; j < sum.length; j++) {
                out[i][j] = (float) (sum[j] / states.size());
            }
        }
        return out;
    }

    private float[][] part(int part) {
        return switch (part) {
            case 0 -> values;
            case 1 -> firstMoments;
            default -> secondMoments;
        };
    }

    /** The parameters' model-file names, in order. */
    public List<String> names() {
        return List.of(names);
    }

    /** A copy of each parameter's values (row-major), in the order of {@link #names()}. */
    public float[][] values() {
        return deepCopy(values);
    }

    /** A copy of Adam's first moment of each parameter, in Adam's internal scaling. */
    public float[][] firstMoments() {
        return deepCopy(firstMoments);
    }

    /** A copy of Adam's second moment of each parameter, in Adam's internal scaling. */
    public float[][] secondMoments() {
        return deepCopy(secondMoments);
    }

    /** Number of optimizer updates that led to this state. */
    public int optimizerSteps() {
        return optimizerSteps;
    }

    /** Total number of parameter values. */
    public long parameterCount() {
        long n = 0;
        for (float[] v : values) {
            n += v.length;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingState s && optimizerSteps == s.optimizerSteps && Arrays.equals(names, s.names)
                && Arrays.deepEquals(values, s.values) && Arrays.deepEquals(firstMoments, s.firstMoments)
                && Arrays.deepEquals(secondMoments, s.secondMoments);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values) * 31 + optimizerSteps;
    }

    @Override
    public String toString() {
        return "TrainingState[" + names.length + " parameters, " + parameterCount() + " values, " + optimizerSteps
                + " steps]";
    }

    private static float[][] deepCopy(float[][] arrays) {
        float[][] copy = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            copy[i] = arrays[i].clone();
        }
        return copy;
    }
}
