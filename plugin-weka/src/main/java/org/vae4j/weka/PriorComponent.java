package org.vae4j.weka;

import org.vae4j.options.OptionDescription;
import org.vae4j.vae.VaeOptions;

/** The prior of a vae4j scheme (the prior p(z)), as Weka's object editor chooses and edits it. */
public final class PriorComponent extends ComponentHandler {

    private static final long serialVersionUID = 1L;

    /** The default prior. */
    public PriorComponent() {
        this(VaeOptions.PRIOR.defaultText());
    }

    /**
     * The prior written as {@code id[:key=value,...]}.
     *
     * @throws IllegalArgumentException naming the component and its option at fault
     */
    public PriorComponent(String spec) {
        super(spec);
    }

    @Override
    protected OptionDescription option() {
        return VaeOptions.PRIOR;
    }
}
