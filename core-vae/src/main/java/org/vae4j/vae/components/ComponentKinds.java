package org.vae4j.vae.components;

import org.vae4j.options.ComponentKind;

/** The kinds of component a VAE is built from. */
public final class ComponentKinds {

    /** The amortized posterior q(z | x). */
    public static final ComponentKind GUIDE = new ComponentKind("guide", GuideType.class);

    /** The prior p(z). */
    public static final ComponentKind PRIOR = new ComponentKind("prior", PriorType.class);

    /** The objective a run trains on: a bound followed by SVI, or a procedure of its own. */
    public static final ComponentKind OBJECTIVE = new ComponentKind("objective", ObjectiveType.class);

    private ComponentKinds() {}
}
