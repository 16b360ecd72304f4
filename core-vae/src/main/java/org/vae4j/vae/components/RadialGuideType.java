package org.vae4j.vae.components;

import org.vae4j.flow.FlowStep;
import org.vae4j.flow.RadialFlow;

/**
 * {@code radial:flows=N}: radial flows on the diagonal Gaussian (Rezende and Mohamed 2015), 10 steps by
 * default as for planar flows.
 */
public final class RadialGuideType extends FlowStackGuideType {

    /** For {@link java.util.ServiceLoader}. */
    public RadialGuideType() {
        super("radial", "radial flows z + beta h(alpha, r)(z - z0) on the diagonal Gaussian",
                10);
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
