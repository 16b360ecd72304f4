package org.vae4j.flow;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.DiagonalNormal;
import org.vae4j.dist.LatentDistribution;
import org.vae4j.dist.LatentSample;

/**
 * A diagonal Gaussian pushed through a stack of flow steps: the posterior of a {@link FlowGuide}. A draw
 * z_K = f_K(... f_1(z_0)) from base draws z_0 carries log q(z_K) = log q_0(z_0) - sum_k log |det df_k/dz|
 * (the change of variables), so bounds get the density along every draw they make.
 *
 * <p>It cannot evaluate its density at arbitrary points ({@link #evaluatesDensity()} is false): that needs
 * the inverse of every step, and planar and radial steps have no closed-form inverse, while inverting
 * autoregressive steps takes M sequential passes. Bounds that score their own draws (Monte Carlo ELBO,
 * importance-weighted bounds) work; estimators that need q at other points must refuse it.
 *
 * <p>{@link #location()} is the base mean pushed through the flow (one deterministic code per row);
 * {@link #scale()} is the base Gaussian's standard deviation, the spread before the flow reshapes it, not
 * the spread of q itself, which has no closed form.
 */
public final class FlowDistribution implements LatentDistribution {

    private final DiagonalNormal base;
    private final List<FlowStep> steps;
    private final NDArray context;
    private final ParameterStore parameters;
    private final boolean training;
    private NDArray location;

    /**
     * @param base the Gaussian q_0(z | x), (B, M)
     * @param steps the flow, applied in order
     * @param context the encoder's context for each row (B, C), or null when no step reads one
     * @param parameters where the steps read their parameters
     * @param training whether the steps run in training mode
     */
    public FlowDistribution(DiagonalNormal base, List<FlowStep> steps, NDArray context, ParameterStore parameters,
            boolean training) {
        this.base = base;
        this.steps = List.copyOf(steps);
        this.context = context;
        this.parameters = parameters;
        this.training = training;
    }

    /** The base Gaussian q_0 the flow transforms. */
    public DiagonalNormal base() {
        return base;
    }

    /** Base draws mean + std * eps pushed through the flow, with log q_0 minus the accumulated log-determinants. */
    @Override
    public LatentSample rsample(NDArray standardNormal) {
        LatentSample draw = base.rsample(standardNormal);
        NDArray z = draw.z();
        NDArray logProb = draw.logProb();
        for (FlowStep step : steps) {
            Transformed out = step.push(parameters, z, context, training);
            z = out.z();
            logProb = logProb.sub(out.logAbsDet());
        }
        return new LatentSample(z, logProb);
    }

    /** The base's shape: the flow keeps it, so no pass through the flow is needed. */
    @Override
    public Shape shape() {
        return base.mean().getShape();
    }

    /** The base mean pushed through the flow, computed on first use. */
    @Override
    public NDArray location() {
        if (location == null) {
            NDArray z = base.mean();
            for (FlowStep step : steps) {
                z = step.push(parameters, z, context, training).z();
            }
            location = z;
        }
        return location;
    }

    /** The base Gaussian's standard deviation (see the class comment). */
    @Override
    public NDArray scale() {
        return base.stdDev();
    }

    @Override
    public boolean evaluatesDensity() {
        return false;
    }

    /** @throws UnsupportedOperationException always: see the class comment */
    @Override
    public NDArray logProb(NDArray z) {
        throw new UnsupportedOperationException("a flow posterior knows log q(z | x) only at its own draws"
                + " (rsample): evaluating it elsewhere needs the flow's inverse, which planar and radial steps lack");
    }

    /** @throws UnsupportedOperationException always: a flow couples the latent dimensions */
    @Override
    public NDArray logProbPerDimension(NDArray z) {
        throw new UnsupportedOperationException("a flow posterior does not factorise over the latent dimensions");
    }
}
