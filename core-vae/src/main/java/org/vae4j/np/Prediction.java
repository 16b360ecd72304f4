package org.vae4j.np;

/**
 * A neural process's predictive distribution for some target rows, in the units of the training outputs: for
 * each row and output column a mean and a variance. For a latent model these are the moments of the mixture
 * over draws of z; {@link #logDensity} scores with the Gaussian of those moments, independent across output
 * columns, which is what interval and density estimators built on a regressor expect.
 *
 * @param mean the predictive mean, one row per target row and one column per output
 * @param variance the predictive variance, shaped like the mean, every value positive
 */
public record Prediction(double[][] mean, double[][] variance) {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /**
     * Checks that mean and variance have the same shape.
     *
     * @throws IllegalArgumentException if they do not
     */
    public Prediction {
        if (mean.length != variance.length) {
            throw new IllegalArgumentException("a prediction needs as many variance rows as mean rows, got "
                    + variance.length + " and " + mean.length);
        }
        for (int r = 0; r < mean.length; r++) {
            if (mean[r].length != variance[r].length) {
                throw new IllegalArgumentException("row " + (r + 1) + " of a prediction has " + mean[r].length
                        + " means and " + variance[r].length + " variances");
            }
        }
    }

    /** Number of target rows. */
    public int rows() {
        return mean.length;
    }

    /** The predictive standard deviation of row {@code row} (from 0), output {@code column}. */
    public double standardDeviation(int row, int column) {
        return Math.sqrt(variance[row][column]);
    }

    /**
     * The Gaussian predictive log-density of each row's outputs {@code y} (summed over output columns), in the
     * units of the outputs.
     *
     * @throws IllegalArgumentException if {@code y} does not have one row per target row, each as wide as the
     *     prediction, naming the row
     */
    public double[] logDensity(double[][] y) {
        if (y.length != mean.length) {
            throw new IllegalArgumentException("log-density of " + y.length + " rows asked of a prediction for "
                    + mean.length + " rows");
        }
        double[] out = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            if (y[r].length != mean[r].length) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + y[r].length
                        + " output values, the prediction " + mean[r].length);
            }
            double sum = 0;
            for (int j = 0; j < y[r].length; j++) {
                double d = y[r][j] - mean[r][j];
                sum += -0.5 * (LOG_TWO_PI + Math.log(variance[r][j]) + d * d / variance[r][j]);
            }
            out[r] = sum;
        }
        return out;
    }
}
