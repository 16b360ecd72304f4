package org.vae4j.vae.components;

import java.util.Random;

import ai.djl.ndarray.NDManager;

import org.vae4j.flow.FlowGuide;
import org.vae4j.infer.Guide;
import org.vae4j.infer.Prior;
import org.vae4j.infer.VampPrior;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;

/**
 * {@code vamp:K=N,mean=M,std=S,clip=B}: the VampPrior (Tomczak and Welling 2018), the mixture of the guide's
 * posteriors at K learned pseudo-inputs. With a flow guide it mixes the flow's base Gaussians.
 */
public final class VampPriorType extends BaseComponentType implements PriorType {

    /** The number of pseudo-inputs. */
    public static final OptionDescription K = OptionDescription.ofInt("K", 500, Constraint.between(1, 100_000),
            "Number of learned pseudo-inputs.");

    /** The mean of the pseudo-inputs' initial values. */
    public static final OptionDescription MEAN = OptionDescription.ofDouble("mean", 0.05, Constraint.any(),
            "Mean of the pseudo-inputs' initial values (in the encoded data's units).");

    /** The spread of the pseudo-inputs' initial values. */
    public static final OptionDescription STD = OptionDescription.ofDouble("std", 0.01, Constraint.nonNegative(),
            "Standard deviation of the pseudo-inputs' initial values.");

    /** Whether the pseudo-inputs are clipped to [0, 1]. */
    public static final OptionDescription CLIP = OptionDescription.ofBoolean("clip", false,
            "Clip the pseudo-inputs to [0, 1] (hardtanh), for data in [0, 1] such as images.");

    /** For {@link java.util.ServiceLoader}. */
    public VampPriorType() {
        super(ComponentKinds.PRIOR, "vamp", 1, "VampPrior: the guide's posteriors at K learned pseudo-inputs", K,
                MEAN, STD, CLIP);
    }

    @Override
    public long parameters(OptionValues options, NetworkWidths widths) {
        return (long) options.intValue(K.name()) * widths.dataWidth();
    }

    @Override
    public Prior create(OptionValues options, Guide guide, NetworkWidths widths, NDManager manager,
            Random initRandom) {
        Guide gaussian = guide instanceof FlowGuide flow ? flow.base() : guide;
        return new VampPrior(gaussian, widths.dataWidth(), widths.conditionWidth(), options.intValue(K.name()),
                options.doubleValue(MEAN.name()), options.doubleValue(STD.name()), options.booleanValue(CLIP.name()),
                manager, initRandom);
    }
}
