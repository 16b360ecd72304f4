package org.vae4j.np.gp;

/**
 * The squared-exponential covariance k(a, b) = signalScale^2 exp(-(a - b)^2 / (2 lengthScale^2)) on the line.
 *
 * @param lengthScale how far apart inputs may be and still be strongly correlated, > 0
 * @param signalScale the standard deviation of the function at any input, > 0
 */
public record SquaredExponentialKernel(double lengthScale, double signalScale) {

    /**
     * Checks the scales.
     *
     * @throws IllegalArgumentException if a scale is not a finite number > 0
     */
    public SquaredExponentialKernel {
        if (!(lengthScale > 0) || !(signalScale > 0) || Double.isInfinite(lengthScale)
                || Double.isInfinite(signalScale)) {
            throw new IllegalArgumentException("kernel scales must be finite and > 0, got length-scale " + lengthScale
                    + " and signal scale " + signalScale);
        }
    }

    /** The covariance of the function's values at {@code a} and {@code b}. */
    public double at(double a, double b) {
        double d = (a - b) / lengthScale;
        return signalScale * signalScale * Math.exp(-0.5 * d * d);
    }

    /** The covariance matrix of noisy observations at {@code x}: k(x_i, x_j) + noiseVariance on the diagonal. */
    public double[][] matrix(double[] x, double noiseVariance) {
        double[][] k = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = at(x[i], x[j]);
                k[j][i] = k[i][j];
            }
            k[i][i] += noiseVariance;
        }
        return k;
    }
}
