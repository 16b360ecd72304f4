package org.vae4j.infer;

import java.util.ArrayList;
import java.util.List;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.LatentDistribution;

/**
 * An amortized posterior q(z | x [, y]) (Pyro's guide): a network that maps each row of a batch, and its
 * condition, to a {@link LatentDistribution} over the latent code. The diagonal Gaussian
 * ({@link GaussianGuide}) is the default; normalizing flows stacked on it, or a user's own network, are
 * other guides. Every trainable parameter of a guide lives in its {@link #network() block}, so optimizers
 * and model files reach them the same way for every guide.
 */
public interface Guide {

    /** The variational posterior of each row of the batch. */
    LatentDistribution posterior(ParameterStore parameters, Batch batch, boolean training);

    /** M, the number of latent dimensions. */
    int latentDim();

    /** The DJL block holding every trainable parameter of the guide. */
    Block network();

    /** The guide's parameters, for an optimizer. */
    default List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>();
        network().getParameters().values().forEach(list::add);
        return list;
    }
}
