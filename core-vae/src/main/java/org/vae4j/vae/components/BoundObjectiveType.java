package org.vae4j.vae.components;

import org.vae4j.infer.Bound;
import org.vae4j.infer.SviProcedure;
import org.vae4j.infer.TrainingProcedure;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/**
 * An objective that is a {@link Bound} trained by standard SVI: minus the bound, one Adam over every parameter
 * at the configured learning rate. The ELBO, IWAE and Renyi objectives are such.
 */
public abstract class BoundObjectiveType extends BaseComponentType implements ObjectiveType {

    /** An objective called {@code id}, with the given version, summary and options. */
    protected BoundObjectiveType(String id, int version, String summary, OptionDescription... options) {
        super(ComponentKinds.OBJECTIVE, id, version, summary, options);
    }

    /** The bound the run maximises. */
    protected abstract Bound bound(OptionValues options, VaeConfig config);

    @Override
    public final TrainingProcedure create(OptionValues options, VaeConfig config) {
        return new SviProcedure(bound(options, config), config.learningRate());
    }
}
