package org.vae4j.np;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Training tasks drawn from one table's (standardised) rows: each task is a random subset of
 * {@code min(rows, maxTargets)} rows, all of them targets, the first {@code c} of them the context, with c
 * uniform in [minContext, min(maxContext, subset - 1)] (the same c for the whole batch).
 */
final class TabularTasks implements TaskSource {

    private final float[] x;
    private final float[] y;
    private final int rows;
    private final int xDim;
    private final int yDim;
    private final int minContext;
    private final int maxContext;
    private final int taskRows;

    /** Tasks over {@code rows} rows (at least 2) of flat row-major inputs and outputs. */
    TabularTasks(float[] x, float[] y, int rows, int xDim, int yDim, int minContext, int maxContext,
            int maxTargets) {
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.xDim = xDim;
        this.yDim = yDim;
        this.taskRows = Math.min(rows, maxTargets);
        this.maxContext = Math.max(1, Math.min(maxContext, taskRows - 1));
        this.minContext = Math.min(minContext, this.maxContext);
    }

    @Override
    public int xDim() {
        return xDim;
    }

    @Override
    public int yDim() {
        return yDim;
    }

    @Override
    public TaskBatch next(int tasks, SplittableRandom random) {
        int context = minContext + random.nextInt(maxContext - minContext + 1);
        float[] xc = new float[tasks * context * xDim];
        float[] yc = new float[tasks * context * yDim];
        float[] xt = new float[tasks * taskRows * xDim];
        float[] yt = new float[tasks * taskRows * yDim];
        for (int t = 0; t < tasks; t++) {
            int[] chosen = randomRows(rows, taskRows, random);
            for (int i = 0; i < taskRows; i++) {
                int row = chosen[i];
                System.arraycopy(x, row * xDim, xt, (t * taskRows + i) * xDim, xDim);
                System.arraycopy(y, row * yDim, yt, (t * taskRows + i) * yDim, yDim);
                if (i < context) {
                    System.arraycopy(x, row * xDim, xc, (t * context + i) * xDim, xDim);
                    System.arraycopy(y, row * yDim, yc, (t * context + i) * yDim, yDim);
                }
            }
        }
        return new TaskBatch(tasks, context, taskRows, xDim, yDim, xc, yc, xt, yt);
    }

    /** {@code count} distinct row indices out of {@code rows}, in random order (a partial Fisher-Yates shuffle). */
    static int[] randomRows(int rows, int count, SplittableRandom random) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(rows - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.copyOf(order, count);
    }
}
