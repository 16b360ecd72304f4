package org.vae4j.np.gp;

import org.vae4j.np.Prediction;

/**
 * The exact posterior predictive of a Gaussian process with a known squared-exponential kernel and Gaussian
 * observation noise: for each target input, the mean and variance of a noisy observation there given the
 * context. On tasks drawn from that process no model predicts better on average, so it is the limit of the
 * neural-process benchmark.
 */
public final class GaussianProcessOracle {

    private GaussianProcessOracle() {}

    /**
     * The predictive distribution of noisy observations at {@code xTarget}: mean k*^T (K + s^2 I)^-1 y and
     * variance k(x*, x*) - k*^T (K + s^2 I)^-1 k* + s^2, one output column.
     *
     * @param noiseSd the observation noise standard deviation s, >= 0 (0 needs distinct context inputs)
     * @throws IllegalArgumentException if the context inputs and outputs differ in length or the context is empty
     */
    public static Prediction predict(SquaredExponentialKernel kernel, double noiseSd, double[] xContext,
            double[] yContext, double[] xTarget) {
        if (xContext.length != yContext.length || xContext.length == 0) {
            throw new IllegalArgumentException("the context needs as many outputs as inputs, at least one, got "
                    + xContext.length + " and " + yContext.length);
        }
        double noiseVariance = noiseSd * noiseSd;
        Cholesky factor = Cholesky.of(kernel.matrix(xContext, noiseVariance));
        double[] weights = factor.solve(yContext);
        double[][] mean = new double[xTarget.length][1];
        double[][] variance = new double[xTarget.length][1];
        double[] cross = new double[xContext.length];
        for (int t = 0; t < xTarget.length; t++) {
            double mu = 0;
            for (int i = 0; i < xContext.length; i++) {
                cross[i] = kernel.at(xTarget[t], xContext[i]);
                mu += cross[i] * weights[i];
            }
            double[] v = factor.solveLower(cross);
            double explained = 0;
            for (double e : v) {
                explained += e * e;
            }
            mean[t][0] = mu;
            variance[t][0] = Math.max(kernel.at(xTarget[t], xTarget[t]) - explained, 0) + noiseVariance;
        }
        return new Prediction(mean, variance);
    }
}
