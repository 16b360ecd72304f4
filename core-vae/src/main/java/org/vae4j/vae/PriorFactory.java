package org.vae4j.vae;

import java.util.Random;

import ai.djl.ndarray.NDManager;

import org.vae4j.infer.Guide;
import org.vae4j.infer.Prior;
import org.vae4j.infer.StandardNormalPrior;

/**
 * Builds the prior of a VAE's networks once the guide exists (a VampPrior shares the guide's network),
 * with its parameters in the model's manager and initial values from the training run's generator.
 */
@FunctionalInterface
interface PriorFactory {

    /** The N(0, I) prior, which {@link VaeConfig} describes today. */
    PriorFactory STANDARD_NORMAL = (guide, dataWidth, conditionWidth, manager, initRandom) ->
            new StandardNormalPrior(guide.latentDim());

    /**
     * @param guide the built guide
     * @param dataWidth the encoded width of a row's data
     * @param conditionWidth the number of condition levels (0 if unconditional)
     * @param manager owns the prior's parameters
     * @param initRandom draws their initial values
     */
    Prior create(Guide guide, int dataWidth, int conditionWidth, NDManager manager, Random initRandom);
}
