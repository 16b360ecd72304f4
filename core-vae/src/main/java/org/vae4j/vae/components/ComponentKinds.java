package org.vae4j.vae.components;

import org.vae4j.options.ComponentKind;
import org.vae4j.options.ComponentType;

/** The kinds of component a VAE is built from. */
public final class ComponentKinds {

    /** The amortized posterior q(z | x). */
    public static final ComponentKind GUIDE = new ComponentKind("guide", ComponentType.class);

    /** The prior p(z). */
    public static final ComponentKind PRIOR = new ComponentKind("prior", ComponentType.class);

    /** The bound training maximises. */
    public static final ComponentKind OBJECTIVE = new ComponentKind("objective", ObjectiveType.class);

    private ComponentKinds() {}
}
