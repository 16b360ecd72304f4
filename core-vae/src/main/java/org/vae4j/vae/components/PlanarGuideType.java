package org.vae4j.vae.components;

import org.vae4j.flow.FlowStep;
import org.vae4j.flow.PlanarFlow;

/**
 * {@code planar:flows=N}: planar flows on the diagonal Gaussian (Rezende and Mohamed 2015). The default of 10
 * steps: the paper reports flows of length 2 to 80 with gains that level off beyond about 10.
 */
public final class PlanarGuideType extends FlowStackGuideType {

    /** For {@link java.util.ServiceLoader}. */
    public PlanarGuideType() {
        super("planar", "planar flows z + u h(w'z + b) on the diagonal Gaussian", 10);
    }

    @Override
    FlowStep step(int latentDim) {
        return new PlanarFlow(latentDim);
    }

    @Override
    long stepParameters(int latentDim) {
        return 2L * latentDim + 1;
    }
}
