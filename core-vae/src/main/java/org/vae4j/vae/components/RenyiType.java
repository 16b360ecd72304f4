package org.vae4j.vae.components;

import org.vae4j.infer.Bound;
import org.vae4j.infer.RenyiBound;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/** {@code renyi:alpha=A,k=N}: the Renyi alpha bound with k samples (Li and Turner 2016); alpha 0 is IWAE, 1 the ELBO. */
public final class RenyiType extends BoundObjectiveType {

    /** alpha. */
    public static final OptionDescription ALPHA = OptionDescription.ofDouble("alpha", 0.5, Constraint.nonNegative(),
            "alpha >= 0: 0 gives the IWAE bound, 1 the ELBO.");

    /** The number of samples per row. */
    public static final OptionDescription K = OptionDescription.ofInt("k", 5, Constraint.between(1, 100_000),
            "Samples per row.");

    /** For {@link java.util.ServiceLoader}. */
    public RenyiType() {
        super("renyi", 1, "Renyi alpha bound with k samples per row", ALPHA, K);
    }

    @Override
    protected Bound bound(OptionValues options, VaeConfig config) {
        return new RenyiBound(options.doubleValue(ALPHA.name()), options.intValue(K.name()));
    }
}
