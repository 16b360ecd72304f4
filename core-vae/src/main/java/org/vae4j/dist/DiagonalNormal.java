package org.vae4j.dist;

import ai.djl.ndarray.NDArray;

import org.vae4j.engine.NativeArrays;

/**
 * A Normal distribution with a diagonal covariance over the last axis, parameterised by its mean and
 * log-variance (the guide's output). Log-densities and KL divergences are summed over the last axis, so
 * a batch of shape (B, M) gives one value per row.
 */
public final class DiagonalNormal implements LatentDistribution {

    /** log(2 pi). */
    public static final float LOG_2PI = (float) Math.log(2 * Math.PI);

    private final NDArray mean;
    private final NDArray logVariance;

    /** A diagonal Normal with the given mean and log-variance (same shape). */
    public DiagonalNormal(NDArray mean, NDArray logVariance) {
        if (!mean.getShape().equals(logVariance.getShape())) {
            throw new IllegalArgumentException("mean " + mean.getShape() + " and log-variance "
                    + logVariance.getShape() + " must have the same shape");
        }
        this.mean = mean;
        this.logVariance = logVariance;
    }

    /** The mean. */
    public NDArray mean() {
        return mean;
    }

    /** The log-variance. */
    public NDArray logVariance() {
        return logVariance;
    }

    /** The standard deviation, exp(logVariance / 2). */
    public NDArray stdDev() {
        return logVariance.mul(NativeArrays.scalar(logVariance, 0.5f)).exp();
    }

    /**
     * Reparameterised draws mean + std * eps, differentiable in the parameters, with their log-density
     * computed from eps (-(eps^2 + logvar + log 2 pi) / 2 per dimension), which needs no division.
     *
     * @param eps standard-normal noise of the distribution's shape, or with a leading axis of draws
     */
    @Override
    public LatentSample rsample(NDArray eps) {
        NDArray z = eps.mul(stdDev()).add(mean);
        NDArray logProb = eps.square().add(logVariance).add(NativeArrays.scalar(eps, LOG_2PI)).sum(new int[] {-1})
                .mul(NativeArrays.scalar(eps, -0.5f));
        return new LatentSample(z, logProb);
    }

    @Override
    public NDArray location() {
        return mean;
    }

    @Override
    public NDArray scale() {
        return stdDev();
    }

    @Override
    public boolean evaluatesDensity() {
        return true;
    }

    /** log N(x; mean, diag(var)) summed over the last axis. */
    @Override
    public NDArray logProb(NDArray x) {
        return logProbPerDimension(x).sum(new int[] {-1});
    }

    /** log N(x_j; mean_j, var_j) for each dimension j of the last axis. */
    @Override
    public NDArray logProbPerDimension(NDArray x) {
        NDArray z = x.sub(mean);
        NDArray quadratic = z.square().mul(logVariance.neg().exp());
        return quadratic.add(logVariance).add(NativeArrays.scalar(x, LOG_2PI)).mul(NativeArrays.scalar(x, -0.5f));
    }

    /** log N(x; 0, I) summed over the last axis. */
    public static NDArray standardLogProb(NDArray x) {
        return x.square().add(NativeArrays.scalar(x, LOG_2PI)).sum(new int[] {-1}).mul(NativeArrays.scalar(x, -0.5f));
    }

    /** KL(this || N(0, I)) per dimension (not summed), the quantity free bits act on. */
    public NDArray klToStandardPerDimension() {
        // 0.5 * (mu^2 + var - 1 - logvar)
        return mean.square().add(logVariance.exp()).sub(logVariance).sub(NativeArrays.scalar(mean, 1f))
                .mul(NativeArrays.scalar(mean, 0.5f));
    }

    /** KL(this || N(0, I)) summed over the last axis. */
    public NDArray klToStandard() {
        return klToStandardPerDimension().sum(new int[] {-1});
    }

    /** KL(this || other) for another diagonal Normal, summed over the last axis. */
    public NDArray kl(DiagonalNormal other) {
        // 0.5 * (logvar_q2 - logvar_q1 + (var1 + (mu1 - mu2)^2) / var2 - 1)
        NDArray diff = mean.sub(other.mean);
        NDArray ratio = logVariance.exp().add(diff.square()).mul(other.logVariance.neg().exp());
        return ratio.add(other.logVariance).sub(logVariance).sub(NativeArrays.scalar(mean, 1f)).sum(new int[] {-1})
                .mul(NativeArrays.scalar(mean, 0.5f));
    }
}
