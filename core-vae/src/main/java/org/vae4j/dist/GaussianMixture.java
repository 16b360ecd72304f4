package org.vae4j.dist;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.NativeArrays;

/**
 * A finite mixture of K diagonal Gaussians over the latent code: sum_k w_k N(z; mu_k, diag var_k). Its
 * log-density is a log-sum-exp over the components, shifted by their maximum so that codes far from every
 * component give a finite value instead of log 0. The learned priors are mixtures of this kind: of free
 * Gaussians, or of the guide's posteriors at pseudo-inputs.
 */
public final class GaussianMixture {

    private final DiagonalNormal components;
    private final NDArray logWeights;

    /**
     * @param components the K components as one diagonal Normal of shape (K, M)
     * @param logWeights log w_k, shape (K), normalised (summing to one after exponentiation); null for equal
     *     weights 1 / K
     */
    public GaussianMixture(DiagonalNormal components, NDArray logWeights) {
        if (components.mean().getShape().dimension() != 2) {
            throw new IllegalArgumentException("mixture components must have shape (K, M), got "
                    + components.mean().getShape());
        }
        long k = components.mean().getShape().get(0);
        if (logWeights != null && !logWeights.getShape().equals(new Shape(k))) {
            throw new IllegalArgumentException("mixture weights of shape " + logWeights.getShape() + " for "
                    + k + " components");
        }
        this.components = components;
        this.logWeights = logWeights;
    }

    /** The components, one row each. */
    public DiagonalNormal components() {
        return components;
    }

    /** The normalised log-weights, or null when the weights are equal. */
    public NDArray logWeights() {
        return logWeights;
    }

    /**
     * log N(z_n; mu_k, var_k) for every code n (shape (N, M)) and component k, shape (N, K), as two matrix
     * products: sum_j (z_j - mu_j)^2 / var_j = z^2 . (1 / var) - 2 z . (mu / var) + sum_j mu_j^2 / var_j. A
     * broadcast (N, K, M) difference would hold N K M values (80 MB for 1024 codes against 500 components of
     * 40 dimensions) and run several times slower.
     */
    private NDArray perComponent(NDArray codes) {
        NDArray mean = components.mean();
        NDArray logVariance = components.logVariance();
        NDArray precision = logVariance.neg().exp();
        NDArray quadratic = codes.square().matMul(precision.transpose())
                .sub(codes.matMul(mean.mul(precision).transpose()).mul(NativeArrays.scalar(codes, 2f)));
        long m = mean.getShape().get(1);
        NDArray constant = mean.square().mul(precision).add(logVariance).sum(new int[] {1})
                .add(NativeArrays.scalar(codes, (float) (m * Math.log(2 * Math.PI))));
        return quadratic.add(constant).mul(NativeArrays.scalar(codes, -0.5f));
    }

    /** K, the number of components. */
    public int size() {
        return Math.toIntExact(components.mean().getShape().get(0));
    }

    /** log p(z) for codes of shape (..., M): one value per code, shape (...). */
    public NDArray logProb(NDArray z) {
        Shape shape = z.getShape();
        long m = shape.get(shape.dimension() - 1);
        NDArray codes = z.reshape(-1, m);
        NDArray perComponent = perComponent(codes).reshape(shape.slice(0, shape.dimension() - 1).add(size()));
        if (logWeights != null) {
            perComponent = perComponent.add(logWeights);
        }
        NDArray max = perComponent.max(new int[] {-1}, true).stopGradient();
        NDArray logSum = perComponent.sub(max).exp().sum(new int[] {-1}).log().add(max.squeeze(-1));
        return logWeights != null
                ? logSum
                : logSum.sub(NativeArrays.scalar(logSum, (float) StrictMath.log(size())));
    }
}
