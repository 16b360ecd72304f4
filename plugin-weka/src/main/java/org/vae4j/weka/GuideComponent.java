package org.vae4j.weka;

import org.vae4j.options.OptionDescription;
import org.vae4j.vae.VaeOptions;

/** The guide of a vae4j scheme (the posterior q(z | x)), as Weka's object editor chooses and edits it. */
public final class GuideComponent extends ComponentHandler {

    private static final long serialVersionUID = 1L;

    /** The default guide. */
    public GuideComponent() {
        this(VaeOptions.GUIDE.defaultText());
    }

    /**
     * The guide written as {@code id[:key=value,...]}.
     *
     * @throws IllegalArgumentException naming the component and its option at fault
     */
    public GuideComponent(String spec) {
        super(spec);
    }

    @Override
    protected OptionDescription option() {
        return VaeOptions.GUIDE;
    }
}
