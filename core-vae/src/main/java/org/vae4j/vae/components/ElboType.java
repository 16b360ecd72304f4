package org.vae4j.vae.components;

import org.vae4j.infer.AnalyticKlElbo;
import org.vae4j.infer.Bound;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/** {@code elbo}: the ELBO with the KL term in closed form (lowest variance; the default), with free bits. */
public final class ElboType extends BoundObjectiveType {

    /** For {@link java.util.ServiceLoader}. */
    public ElboType() {
        super("elbo", 1, "ELBO with the KL term in closed form (honours freeBits)");
    }

    @Override
    protected Bound bound(OptionValues options, VaeConfig config) {
        return new AnalyticKlElbo(config.freeBits());
    }
}
