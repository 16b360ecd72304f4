package org.vae4j.np;

/**
 * A batch of regression tasks for training a neural process: every task has the same number of context points
 * and of target points (the targets usually include the contexts). Values are flat, row-major over
 * (task, point, dimension), in the units the network reads (standardised for tabular data).
 *
 * @param tasks number of tasks
 * @param contextPoints context points per task
 * @param targetPoints target points per task
 * @param xDim input dimensions
 * @param yDim output dimensions
 * @param xContext context inputs, {@code tasks * contextPoints * xDim} values
 * @param yContext context outputs, {@code tasks * contextPoints * yDim} values
 * @param xTarget target inputs, {@code tasks * targetPoints * xDim} values
 * @param yTarget target outputs, {@code tasks * targetPoints * yDim} values
 */
public record TaskBatch(int tasks, int contextPoints, int targetPoints, int xDim, int yDim, float[] xContext,
        float[] yContext, float[] xTarget, float[] yTarget) {

    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException if a count is below 1 or an array does not hold what the counts say
     */
    public TaskBatch {
        if (tasks < 1 || contextPoints < 1 || targetPoints < 1 || xDim < 1 || yDim < 1) {
            throw new IllegalArgumentException("a task batch needs at least one task, context point, target point "
                    + "and input and output dimension, got " + tasks + ", " + contextPoints + ", " + targetPoints
                    + ", " + xDim + ", " + yDim);
        }
        check("context inputs", xContext, (long) tasks * contextPoints * xDim);
        check("context outputs", yContext, (long) tasks * contextPoints * yDim);
        check("target inputs", xTarget, (long) tasks * targetPoints * xDim);
        check("target outputs", yTarget, (long) tasks * targetPoints * yDim);
    }

    private static void check(String what, float[] values, long expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException("a task batch's " + what + " hold " + values.length
                    + " values, expected " + expected);
        }
    }
}
