package org.vae4j.vae.components;

import org.vae4j.flow.FlowGuide;
import org.vae4j.flow.FlowStep;
import org.vae4j.flow.RadialFlow;

/** {@code radial:flows=N}: radial flows on the diagonal Gaussian (Rezende and Mohamed 2015). */
public final class RadialGuideType extends FlowStackGuideType {

    /** For {@link java.util.ServiceLoader}. */
    public RadialGuideType() {
        super("radial", "radial flows z + beta h(alpha, r)(z - z0) on the diagonal Gaussian",
                FlowGuide.DEFAULT_RADIAL_FLOWS);
    }

    @Override
    FlowStep step(int latentDim) {
        return new RadialFlow(latentDim);
    }

    @Override
    long stepParameters(int latentDim) {
        return latentDim + 2L;
    }
}
