package org.vae4j.vae.components;

import java.util.Random;

import ai.djl.ndarray.NDManager;

import org.vae4j.infer.Guide;
import org.vae4j.infer.MixtureOfGaussiansPrior;
import org.vae4j.infer.Prior;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;

/** {@code mog:K=N,spread=S}: a mixture of K learned diagonal Gaussians with learned weights. */
public final class MixturePriorType extends BaseComponentType implements PriorType {

    /** The number of components. */
    public static final OptionDescription K = OptionDescription.ofInt("K", 10, Constraint.between(1, 100_000),
            "Number of mixture components.");

    /** The spread of the initial means. */
    public static final OptionDescription SPREAD = OptionDescription.ofDouble("spread", 1, Constraint.nonNegative(),
            "Standard deviation of the components' initial means around 0 (> 0 when K > 1, so that they separate).");

    /** For {@link java.util.ServiceLoader}. */
    public MixturePriorType() {
        super(ComponentKinds.PRIOR, "mog", 1, "mixture of K learned diagonal Gaussians", K, SPREAD);
    }

    @Override
    public long parameters(OptionValues options, NetworkWidths widths) {
        return options.intValue(K.name()) * (2L * widths.latentDim() + 1);
    }

    @Override
    public Prior create(OptionValues options, Guide guide, NetworkWidths widths, NDManager manager,
            Random initRandom) {
        return new MixtureOfGaussiansPrior(widths.latentDim(), options.intValue(K.name()),
                options.doubleValue(SPREAD.name()), manager, initRandom);
    }
}
