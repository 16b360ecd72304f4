package org.vae4j.infer;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.DiagonalNormal;
import org.vae4j.dist.GaussianMixture;
import org.vae4j.dist.LatentDistribution;
import org.vae4j.engine.NativeArrays;

/**
 * The VampPrior (Tomczak and Welling 2018): p(z) = (1/K) sum_k q(z | u_k), the guide's own posterior
 * averaged over K learned pseudo-inputs u_k. It approximates the aggregate posterior, the prior that
 * maximises the ELBO, with K parameter rows of the data's width, and shares the guide's network: its own
 * parameters are only the pseudo-inputs.
 *
 * <p>The pseudo-inputs are rows of the data part of the guide's input (the encoded width D). A guide
 * that also reads an observation mask sees them as fully observed. For a conditional guide each
 * pseudo-input carries a fixed condition level, k mod C for pseudo-input k, so the K components are
 * spread evenly over the C levels; the prior stays unconditional, as the model's p(z) is.
 *
 * <p>The guide's posterior must be a {@link DiagonalNormal}, which evaluates its density anywhere; for a
 * flow guide, give it the flow's base Gaussian guide (then the components are the base Gaussians at the
 * pseudo-inputs, and their parameters are still the guide's). Pseudo-inputs start as draws from
 * N(mean, std^2) and, for data in [0, 1] such as grey levels, may be kept in [0, 1] by a hard tanh, as
 * in the published model; unbounded data (standardised numbers) uses them as they are.
 */
public final class VampPrior implements Prior {

    /** Model-file name of the pseudo-inputs, shape (K, D). */
    public static final String PSEUDO_INPUTS = "prior.pseudoInputs";

    private final Guide guide;
    private final Parameter pseudoInputs;
    private final int conditionWidth;
    private final boolean unitInterval;
    /** The pseudo-inputs' one-hot conditions, (K, C) row-major; empty for an unconditional guide. */
    private final float[] conditions;

    /**
     * @param guide the guide whose network the prior shares (not copied)
     * @param dataWidth D, the encoded width of a row without its mask and condition
     * @param conditionWidth C, the number of condition levels (0 for an unconditional model)
     * @param components K >= 1, the number of pseudo-inputs
     * @param initMean the mean of the pseudo-inputs' initial values
     * @param initStd the standard deviation of the pseudo-inputs' initial values, >= 0
     * @param unitInterval whether the pseudo-inputs pass through hardtanh(u, 0, 1) before the guide
     * @param manager owns the pseudo-inputs
     * @param initRandom the seeded generator the initial pseudo-inputs are drawn from
     */
    public VampPrior(Guide guide, int dataWidth, int conditionWidth, int components, double initMean,
            double initStd, boolean unitInterval, NDManager manager, Random initRandom) {
        this.guide = Objects.requireNonNull(guide, "guide");
        if (dataWidth < 1) {
            throw new IllegalArgumentException("data width must be >= 1, got " + dataWidth);
        }
        if (conditionWidth < 0) {
            throw new IllegalArgumentException("condition width must be >= 0, got " + conditionWidth);
        }
        if (components < 1) {
            throw new IllegalArgumentException("pseudo-inputs K must be >= 1, got " + components);
        }
        if (!Double.isFinite(initMean) || !(initStd >= 0) || Double.isInfinite(initStd)) {
            throw new IllegalArgumentException("pseudo-input initial mean and std must be finite, std >= 0; got "
                    + initMean + " and " + initStd);
        }
        this.conditionWidth = conditionWidth;
        this.unitInterval = unitInterval;
        float[] initial = new float[Math.multiplyExact(components, dataWidth)];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = (float) (initMean + initStd * initRandom.nextGaussian());
        }
        this.pseudoInputs = LearnedParameter.of(PSEUDO_INPUTS, new Shape(components, dataWidth), initial, manager);
        this.conditions = new float[components * conditionWidth];
        for (int k = 0; k < components && conditionWidth > 0; k++) {
            conditions[k * conditionWidth + k % conditionWidth] = 1;
        }
    }

    @Override
    public NDArray logProb(ParameterStore parameters, NDArray z, boolean training) {
        return new GaussianMixture(componentPosteriors(parameters, z.getDevice(), training), null).logProb(z);
    }

    @Override
    public PriorSampler sampler(ParameterStore parameters) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            DiagonalNormal components = componentPosteriors(parameters, pseudoInputs.getArray().getDevice(), false);
            return MixtureSampler.of(new GaussianMixture(components, null));
        }
    }

    /** The pseudo-inputs only: the guide's network belongs to the guide. */
    @Override
    public List<Parameter> parameters() {
        return List.of(pseudoInputs);
    }

    /**
     * The batch of pseudo-inputs as the guide sees it: clipped into [0, 1] if so configured, fully
     * observed, with their conditions.
     */
    private Batch pseudoBatch(ParameterStore parameters, Device device, boolean training) {
        NDArray u = parameters.getValue(pseudoInputs, device, training);
        if (unitInterval) {
            u = u.clip(0, 1);
        }
        NDArray condition = conditionWidth == 0 ? null : NativeArrays.copyOf(u.getManager(),
                FloatBuffer.wrap(conditions), new Shape(conditions.length / conditionWidth, conditionWidth));
        return new Batch(u, null, condition);
    }

    /** q(z | u_k) for every pseudo-input, as one diagonal Normal of shape (K, M). */
    private DiagonalNormal componentPosteriors(ParameterStore parameters, Device device, boolean training) {
        LatentDistribution q = guide.posterior(parameters, pseudoBatch(parameters, device, training), training);
        if (q instanceof DiagonalNormal normal) {
            return normal;
        }
        throw new IllegalStateException("the VampPrior needs a guide whose posterior is a diagonal Gaussian, got "
                + q.getClass().getSimpleName() + "; for a flow guide, give the VampPrior the flow's base guide");
    }
}
