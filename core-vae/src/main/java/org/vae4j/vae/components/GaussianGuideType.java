package org.vae4j.vae.components;

import ai.djl.nn.Block;

import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Guide;
import org.vae4j.options.OptionValues;

/** {@code gaussian}: the diagonal Gaussian posterior an MLP encoder amortizes (the default guide). */
public final class GaussianGuideType extends BaseComponentType implements GuideType {

    /** For {@link java.util.ServiceLoader}. */
    public GaussianGuideType() {
        super(ComponentKinds.GUIDE, "gaussian", 1, "diagonal Gaussian q(z | x) from the encoder");
    }

    @Override
    public Guide create(OptionValues options, Block encoder, NetworkWidths widths) {
        return new GaussianGuide(encoder, widths.latentDim(), widths.maskInputs());
    }
}
