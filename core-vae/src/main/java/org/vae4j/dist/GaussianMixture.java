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

    /** K, the number of components. */
    public int size() {
        return Math.toIntExact(components.mean().getShape().get(0));
    }

    /** log p(z) for codes of shape (..., M): one value per code, shape (...). */
    public NDArray logProb(NDArray z) {
        // (..., 1, M) against the (K, M) components broadcasts to (..., K, M), summed to (..., K).
        NDArray perComponent = components.logProb(z.expandDims(-2));
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
