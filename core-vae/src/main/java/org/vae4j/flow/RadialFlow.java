package org.vae4j.flow;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;

/**
 * A radial flow step (Rezende and Mohamed 2015): f(z) = z + beta h(alpha, r) (z - z0) with r = |z - z0|
 * and h = 1 / (alpha + r), which contracts or expands the density around the point z0. alpha =
 * softplus(a) > 0 and beta = softplus(c) - alpha >= -alpha keep it invertible; then log |det df/dz| =
 * (M - 1) log(1 + beta h) + log(1 + beta alpha h^2).
 *
 * <p>z0, a and c are global parameters shared by every row (not produced by the encoder per row, as in
 * the paper's amortised version).
 */
public final class RadialFlow extends FlowStep {

    private final Parameter center;
    private final Parameter alpha;
    private final Parameter beta;

    /** A radial step on M latent dimensions. */
    public RadialFlow(int latentDim) {
        super(latentDim);
        this.center = learned("center", latentDim);
        this.alpha = learned("alpha", 1);
        this.beta = learned("beta", 1);
    }

    @Override
    public Transformed push(ParameterStore parameters, NDArray z, NDArray context, boolean training) {
        NDArray z0 = parameters.getValue(center, z.getDevice(), training);
        NDArray a = Activation.softPlus(parameters.getValue(alpha, z.getDevice(), training));
        NDArray bHat = Activation.softPlus(parameters.getValue(beta, z.getDevice(), training)).sub(a);
        NDArray one = NativeArrays.scalar(z, 1f);
        NDArray offset = z.sub(z0);
        NDArray r = offset.square().sum(new int[] {-1}, true).sqrt(); // (..., B, 1)
        NDArray h = one.div(a.add(r));
        NDArray betaH = bHat.mul(h);
        NDArray fz = z.add(betaH.mul(offset));
        NDArray radial = betaH.add(one).log().mul(NativeArrays.scalar(z, latentDim() - 1));
        NDArray logAbsDet = radial.add(bHat.mul(a).mul(h.square()).add(one).log()).squeeze(-1);
        return new Transformed(fz, logAbsDet);
    }

    /** Draws z0 and the raw alpha and beta from U(-1/sqrt(M), 1/sqrt(M)). */
    @Override
    public void drawParameters(Random random) {
        drawUniform(random, center, alpha, beta);
    }
}
