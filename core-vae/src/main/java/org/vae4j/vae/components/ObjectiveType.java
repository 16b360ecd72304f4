package org.vae4j.vae.components;

import org.vae4j.infer.TrainingProcedure;
import org.vae4j.options.ComponentType;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/**
 * A training objective chosen by id ({@code --objective iwae:k=5}): makes the {@link TrainingProcedure} a run
 * trains with. Most objectives are bounds followed by SVI ({@link BoundObjectiveType}); others, such as
 * FactorVAE, train networks of their own beside the VAE.
 */
public interface ObjectiveType extends ComponentType {

    /**
     * The procedure of one training run.
     *
     * @param options this component's option values
     * @param config the whole configuration (for settings every objective shares, such as free bits and the
     *     learning rate)
     */
    TrainingProcedure create(OptionValues options, VaeConfig config);
}
