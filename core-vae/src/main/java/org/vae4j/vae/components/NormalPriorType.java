package org.vae4j.vae.components;

import java.util.Random;

import ai.djl.ndarray.NDManager;

import org.vae4j.infer.Guide;
import org.vae4j.infer.Prior;
import org.vae4j.infer.StandardNormalPrior;
import org.vae4j.options.OptionValues;

/** {@code normal}: the standard normal prior N(0, I) (the default prior). */
public final class NormalPriorType extends BaseComponentType implements PriorType {

    /** For {@link java.util.ServiceLoader}. */
    public NormalPriorType() {
        super(ComponentKinds.PRIOR, "normal", 1, "standard normal prior N(0, I)");
    }

    @Override
    public long parameters(OptionValues options, NetworkWidths widths) {
        return 0;
    }

    @Override
    public Prior create(OptionValues options, Guide guide, NetworkWidths widths, NDManager manager,
            Random initRandom) {
        return new StandardNormalPrior(widths.latentDim());
    }
}
