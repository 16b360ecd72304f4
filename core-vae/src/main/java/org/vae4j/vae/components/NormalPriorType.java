package org.vae4j.vae.components;

/** {@code normal}: the standard normal prior N(0, I) (the default prior). */
public final class NormalPriorType extends BaseComponentType {

    /** For {@link java.util.ServiceLoader}. */
    public NormalPriorType() {
        super(ComponentKinds.PRIOR, "normal", 1, "standard normal prior N(0, I)");
    }
}
