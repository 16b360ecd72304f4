package org.vae4j.vae.components;

import org.vae4j.infer.Bound;
import org.vae4j.options.ComponentType;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/** A training objective chosen by id ({@code --objective iwae:k=5}): makes the {@link Bound} a run trains on. */
public interface ObjectiveType extends ComponentType {

    /**
     * The objective for one training run.
     *
     * @param options this component's option values
     * @param config the whole configuration (for settings every objective shares, such as free bits)
     */
    Bound create(OptionValues options, VaeConfig config);
}
