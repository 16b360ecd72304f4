package org.vae4j.vae.components;

import org.vae4j.infer.ImportanceWeightedBound;
import org.vae4j.infer.Bound;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/** {@code iwae:k=N}: the importance-weighted bound with k samples per row (Burda et al. 2016). */
public final class IwaeType extends BoundObjectiveType {

    /** The number of importance samples per row. */
    public static final OptionDescription K = OptionDescription.ofInt("k", 5, Constraint.atLeast(1),
            "Importance samples per row.");

    /** For {@link java.util.ServiceLoader}. */
    public IwaeType() {
        super("iwae", 1, "importance-weighted bound with k samples per row", K);
    }

    @Override
    protected Bound bound(OptionValues options, VaeConfig config) {
        return new ImportanceWeightedBound(options.intValue(K.name()));
    }
}
