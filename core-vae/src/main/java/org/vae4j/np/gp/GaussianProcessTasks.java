package org.vae4j.np.gp;

import java.util.List;
import java.util.SplittableRandom;

import org.vae4j.np.Prediction;
import org.vae4j.np.TaskBatch;
import org.vae4j.np.TaskSource;

/**
 * The 1-D regression tasks of DeepMind's neural-process benchmark: a function drawn from a Gaussian process with
 * a squared-exponential kernel, observed with Gaussian noise (standard deviation {@value #NOISE_SD}) at inputs
 * uniform in [{@value #X_MIN}, {@value #X_MAX}]. A task's first points are its context; its targets are the
 * context and further points. Training batches draw the context count uniform in [3, 50) and the number of
 * further targets uniform in [2, 50), the same for every task of a batch. The kernel is either fixed
 * (length-scale 0.4, signal scale 1) or drawn per task (length-scale uniform in [0.1, 0.6], signal scale
 * uniform in [0.1, 1]).
 */
public final class GaussianProcessTasks implements TaskSource {

    /** The smallest input. */
    public static final double X_MIN = -2;
    /** The largest input. */
    public static final double X_MAX = 2;
    /** The observation noise standard deviation. */
    public static final double NOISE_SD = 0.02;
    /** Fewest context points of a training batch. */
    public static final int MIN_CONTEXT = 3;
    /** Most context points of a training batch. */
    public static final int MAX_CONTEXT = 49;
    /** Fewest further target points of a training batch. */
    public static final int MIN_EXTRA_TARGETS = 2;
    /** Most further target points of a training batch. */
    public static final int MAX_EXTRA_TARGETS = 49;

    private final double minLength;
    private final double maxLength;
    private final double minScale;
    private final double maxScale;

    private GaussianProcessTasks(double minLength, double maxLength, double minScale, double maxScale) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.minScale = minScale;
        this.maxScale = maxScale;
    }

    /** Tasks with the fixed kernel: length-scale 0.4, signal scale 1. */
    public static GaussianProcessTasks fixedKernel() {
        return new GaussianProcessTasks(0.4, 0.4, 1, 1);
    }

    /** Tasks whose kernel is drawn per task: length-scale in [0.1, 0.6], signal scale in [0.1, 1]. */
    public static GaussianProcessTasks randomKernel() {
        return new GaussianProcessTasks(0.1, 0.6, 0.1, 1);
    }

    /**
     * One task: its kernel, context and targets (the context first).
     *
     * @param kernel the kernel its function was drawn with
     * @param xContext context inputs
     * @param yContext context observations
     * @param xTarget target inputs (the context's, then the further ones)
     * @param yTarget target observations
     */
    public record Task(SquaredExponentialKernel kernel, double[] xContext, double[] yContext, double[] xTarget,
            double[] yTarget) {

        /** The exact GP posterior predictive at the targets, with the task's own kernel and noise. */
        public Prediction oracle() {
            return GaussianProcessOracle.predict(kernel, NOISE_SD, xContext, yContext, xTarget);
        }

        /** Rows of one column, as a regressor takes them. */
        public static double[][] column(double[] values) {
            double[][] rows = new double[values.length][1];
            for (int i = 0; i < values.length; i++) {
                rows[i][0] = values[i];
            }
            return rows;
        }
    }

    @Override
    public int xDim() {
        return 1;
    }

    @Override
    public int yDim() {
        return 1;
    }

    /** A kernel for one task. */
    public SquaredExponentialKernel drawKernel(SplittableRandom random) {
        return new SquaredExponentialKernel(minLength + (maxLength - minLength) * random.nextDouble(),
                minScale + (maxScale - minScale) * random.nextDouble());
    }

    /** Noisy observations at {@code x} of one function drawn from the process with {@code kernel}. */
    public static double[] drawObservations(SquaredExponentialKernel kernel, double[] x, SplittableRandom random) {
        Cholesky factor = Cholesky.of(kernel.matrix(x, NOISE_SD * NOISE_SD));
        double[] eps = new double[x.length];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = random.nextGaussian();
        }
        return factor.times(eps);
    }

    /**
     * One task with {@code context} context points and {@code extraTargets} further target points, all at
     * inputs uniform in [-2, 2].
     *
     * @throws IllegalArgumentException if context < 1 or extraTargets < 0
     */
    public Task task(int context, int extraTargets, SplittableRandom random) {
        if (context < 1 || extraTargets < 0) {
            throw new IllegalArgumentException("a task needs at least one context point and no negative number of "
                    + "further targets, got " + context + " and " + extraTargets);
        }
        SquaredExponentialKernel kernel = drawKernel(random);
        double[] x = new double[context + extraTargets];
        for (int i = 0; i < x.length; i++) {
            x[i] = X_MIN + (X_MAX - X_MIN) * random.nextDouble();
        }
        double[] y = drawObservations(kernel, x, random);
        return new Task(kernel, java.util.Arrays.copyOf(x, context), java.util.Arrays.copyOf(y, context), x, y);
    }

    @Override
    public TaskBatch next(int tasks, SplittableRandom random) {
        int context = MIN_CONTEXT + random.nextInt(MAX_CONTEXT - MIN_CONTEXT + 1);
        int extra = MIN_EXTRA_TARGETS + random.nextInt(MAX_EXTRA_TARGETS - MIN_EXTRA_TARGETS + 1);
        Task[] drawn = new Task[tasks];
        for (int t = 0; t < tasks; t++) {
            drawn[t] = task(context, extra, random);
        }
        return batch(List.of(drawn));
    }

    /**
     * The tasks as one batch.
     *
     * @throws IllegalArgumentException if the tasks differ in their numbers of context or target points
     */
    public static TaskBatch batch(List<Task> tasks) {
        int context = tasks.get(0).xContext().length;
        int targets = tasks.get(0).xTarget().length;
        float[] xc = new float[tasks.size() * context];
        float[] yc = new float[xc.length];
        float[] xt = new float[tasks.size() * targets];
        float[] yt = new float[xt.length];
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            if (task.xContext().length != context || task.xTarget().length != targets) {
                throw new IllegalArgumentException("task " + (t + 1) + " has " + task.xContext().length + " context "
                        + "and " + task.xTarget().length + " target points, the first " + context + " and " + targets);
            }
            copy(task.xContext(), xc, t * context);
            copy(task.yContext(), yc, t * context);
            copy(task.xTarget(), xt, t * targets);
            copy(task.yTarget(), yt, t * targets);
        }
        return new TaskBatch(tasks.size(), context, targets, 1, 1, xc, yc, xt, yt);
    }

    private static void copy(double[] from, float[] to, int offset) {
        for (int i = 0; i < from.length; i++) {
            to[offset + i] = (float) from[i];
        }
    }
}
