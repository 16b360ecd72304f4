package org.vae4j.vae.components;

import org.vae4j.flow.FlowGuide;
import org.vae4j.flow.FlowStep;
import org.vae4j.flow.PlanarFlow;

/** {@code planar:flows=N}: planar flows on the diagonal Gaussian (Rezende and Mohamed 2015). */
public final class PlanarGuideType extends FlowStackGuideType {

    /** For {@link java.util.ServiceLoader}. */
    public PlanarGuideType() {
        super("planar", "planar flows z + u h(w'z + b) on the diagonal Gaussian", FlowGuide.DEFAULT_PLANAR_FLOWS);
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
