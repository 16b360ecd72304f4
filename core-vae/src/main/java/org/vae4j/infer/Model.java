package org.vae4j.infer;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.MixedLikelihood;

/**
 * The generative model p(z) p(x | z [, y]): a {@link Prior} and a decoder network whose output
 * parameterises the per-column {@link MixedLikelihood}. Gaussian columns share a learned per-feature
 * log-variance parameter.
 */
public final class Model {

    private final Block decoder;
    private final MixedLikelihood likelihood;
    private final Parameter gaussianLogVariance;
    private final Prior prior;

    /**
     * @param prior p(z)
     * @param decoder maps z (and the one-hot condition, concatenated) to the encoded width
     * @param likelihood the observation likelihood the decoder's output parameterises
     * @param gaussianLogVariance per-feature log-variance of the Gaussian columns, or null when there are none
     */
    public Model(Prior prior, Block decoder, MixedLikelihood likelihood, Parameter gaussianLogVariance) {
        this.prior = prior;
        this.decoder = decoder;
        this.likelihood = likelihood;
        this.gaussianLogVariance = gaussianLogVariance;
    }

    /** The prior p(z). */
    public Prior prior() {
        return prior;
    }

    /** The decoder network. */
    public Block decoder() {
        return decoder;
    }

    /** The observation likelihood. */
    public MixedLikelihood likelihood() {
        return likelihood;
    }

    /** The learned Gaussian log-variance parameter, or null. */
    public Parameter gaussianLogVariance() {
        return gaussianLogVariance;
    }

    /** The prior's and the decoder's parameters and the learned noise parameter (if any), for an optimizer. */
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(prior.parameters());
        decoder.getParameters().values().forEach(list::add);
        if (gaussianLogVariance != null) {
            list.add(gaussianLogVariance);
        }
        return list;
    }

    /** log p(z) under the prior, per row. */
    public NDArray priorLogProb(ParameterStore parameters, NDArray z, boolean training) {
        return prior.logProb(parameters, z, training);
    }

    /** The decoder's raw output (Gaussian means and logits) for latent rows z and optional conditions. */
    public NDArray decode(ParameterStore parameters, NDArray z, NDArray condition, boolean training) {
        NDArray input = condition == null ? z : NDArrays.concat(new NDList(z, condition), 1);
        return decoder.forward(parameters, new NDList(input), training).singletonOrThrow();
    }

    /** log p(x | z [, y]) per row, skipping missing cells. */
    public NDArray logLikelihood(ParameterStore parameters, NDArray z, Batch batch, boolean training) {
        NDArray output = decode(parameters, z, batch.condition(), training);
        NDArray logVariance = gaussianLogVariance == null
                ? null
                : parameters.getValue(gaussianLogVariance, z.getDevice(), training);
        return likelihood.logProb(output, logVariance, batch.x(), batch.mask());
    }
}
