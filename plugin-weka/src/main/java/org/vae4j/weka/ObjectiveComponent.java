package org.vae4j.weka;

import org.vae4j.options.OptionDescription;
import org.vae4j.vae.VaeOptions;

/** The objective of a vae4j scheme (the bound training maximises), as Weka's object editor chooses and edits it. */
public final class ObjectiveComponent extends ComponentHandler {

    private static final long serialVersionUID = 1L;

    /** The default objective. */
    public ObjectiveComponent() {
        this(VaeOptions.OBJECTIVE.defaultText());
    }

    /**
     * The objective written as {@code id[:key=value,...]}.
     *
     * @throws IllegalArgumentException naming the component and its option at fault
     */
    public ObjectiveComponent(String spec) {
        super(spec);
    }

    @Override
    protected OptionDescription option() {
        return VaeOptions.OBJECTIVE;
    }
}
