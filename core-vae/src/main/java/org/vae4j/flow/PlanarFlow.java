package org.vae4j.flow;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

/**
 * A planar flow step (Rezende and Mohamed 2015): f(z) = z + u' tanh(w^T z + b), which bends the density
 * along one hyperplane, at O(M) cost. The free vector u is replaced by u' = u + (m(w^T u) - w^T u) w / |w|^2
 * with m(a) = softplus(a) - 1, so that w^T u' > -1 and the step is invertible; then log |det df/dz| =
 * log(1 + tanh'(w^T z + b) w^T u') with w^T u' = m(w^T u), which the step uses directly.
 *
 * <p>u, w and b are global parameters shared by every row (not produced by the encoder per row, as in the
 * paper's amortised version): the encoder still places each row's base Gaussian, and the flow shapes all
 * posteriors alike.
 */
public final class PlanarFlow extends FlowStep {

    private final Parameter u;
    private final Parameter w;
    private final Parameter b;

    /** A planar step on M latent dimensions. */
    public PlanarFlow(int latentDim) {
        super(latentDim);
        this.u = learned("u", latentDim);
        this.w = learned("w", latentDim);
        this.b = learned("b", 1);
    }

    @Override
    public Transformed push(ParameterStore parameters, NDArray z, NDArray context, boolean training) {
        NDArray uValue = parameters.getValue(u, z.getDevice(), training);
        NDArray wValue = parameters.getValue(w, z.getDevice(), training);
        NDArray bValue = parameters.getValue(b, z.getDevice(), training);
        NDArray one = NativeArrays.scalar(z, 1f);
        NDArray wu = wValue.mul(uValue).sum();
        NDArray m = Activation.softPlus(wu).sub(one);
        NDArray uHat = uValue.add(wValue.mul(m.sub(wu).div(wValue.square().sum())));
        NDArray activation = z.matMul(wValue.reshape(latentDim(), 1)).add(bValue).tanh(); // (..., B, 1)
        NDArray fz = z.add(activation.mul(uHat));
        NDArray slope = one.sub(activation.square());
        NDArray logAbsDet = slope.mul(m).add(one).log().squeeze(-1);
        return new Transformed(fz, logAbsDet);
    }

    /** Draws u, w and b from U(-1/sqrt(M), 1/sqrt(M)); u = w = 0 would be a saddle with no gradient. */
    @Override
    public void drawParameters(Random random) {
        drawUniform(random, u, w, b);
    }
}
