package org.vae4j.vae.components;

/** {@code gaussian}: the diagonal Gaussian posterior an MLP encoder amortizes (the default guide). */
public final class GaussianGuideType extends BaseComponentType {

    /** For {@link java.util.ServiceLoader}. */
    public GaussianGuideType() {
        super(ComponentKinds.GUIDE, "gaussian", 1, "diagonal Gaussian q(z | x) from the encoder");
    }
}
