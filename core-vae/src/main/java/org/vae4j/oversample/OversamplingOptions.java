package org.vae4j.oversample;

import java.util.List;

import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;

/**
 * The options of a VAE oversampler, each described once with its one default: Weka's VAEOversampler and
 * Tribuo's balancing trainer build theirs from this list, and {@link Oversampler#of} takes checked values for
 * it.
 */
public final class OversamplingOptions {

    /** Where the synthetic rows come from. */
    public static final OptionDescription METHOD = OptionDescription.ofEnum("oversampling", OversamplingMethod.class,
            OversamplingMethod.INTERPOLATE, "How synthetic rows of a class are made: interpolate (between a real row "
                    + "of the class and one of its nearest neighbours of that class in latent space: the decoded "
                    + "point between their codes plus the same mix of their reconstruction residuals, the "
                    + "latent-space counterpart of SMOTE), decode (the decoded point alone) or prior (decoded "
                    + "draws from the prior with the class as condition).");

    /** Neighbours to interpolate towards. */
    public static final OptionDescription NEIGHBOURS = OptionDescription.ofInt("neighbours", 5,
            Constraint.atLeast(1), "Nearest neighbours of the same class, in latent space, that a real row's "
                    + "code is interpolated towards (interpolate and decode).");

    /** Every option, in the order option lists show them. */
    public static final List<OptionDescription> ALL = List.of(METHOD, NEIGHBOURS);

    private OversamplingOptions() {}
}
