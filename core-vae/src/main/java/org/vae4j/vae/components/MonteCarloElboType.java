package org.vae4j.vae.components;

import org.vae4j.infer.MonteCarloElbo;
import org.vae4j.infer.Bound;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/** {@code mc-elbo}: the ELBO estimated entirely by Monte Carlo (works for any guide and prior). */
public final class MonteCarloElboType extends BoundObjectiveType {

    /** For {@link java.util.ServiceLoader}. */
    public MonteCarloElboType() {
        super("mc-elbo", 1, "ELBO estimated by Monte Carlo, one draw per row");
    }

    @Override
    protected Bound bound(OptionValues options, VaeConfig config) {
        return new MonteCarloElbo();
    }
}
