package org.vae4j.vae.components;

import java.util.Random;

import ai.djl.ndarray.NDManager;

import org.vae4j.infer.Guide;
import org.vae4j.infer.Prior;
import org.vae4j.options.ComponentType;
import org.vae4j.options.OptionValues;

/** A prior chosen by id ({@code --prior vamp:K=500}): makes the {@link Prior} of a VAE once its guide exists. */
public interface PriorType extends ComponentType {

    /** The number of parameters the prior learns, counted before anything is allocated. */
    long parameters(OptionValues options, NetworkWidths widths);

    /**
     * The prior of a VAE.
     *
     * @param guide the built guide (a VampPrior shares its network)
     * @param manager owns the prior's parameters
     * @param initRandom draws their initial values, after the networks'
     */
    Prior create(OptionValues options, Guide guide, NetworkWidths widths, NDManager manager, Random initRandom);
}
