package org.vae4j.vae;

/** Which bound training maximises; see the classes in {@code org.vae4j.infer}. */
public enum ObjectiveKind {
    /** ELBO with the KL term in closed form (the default: lowest variance). */
    ANALYTIC_ELBO,
    /** ELBO estimated entirely by Monte Carlo. */
    MONTE_CARLO_ELBO,
    /** The importance-weighted bound with {@link VaeConfig#trainingSamples()} samples (an IWAE). */
    IMPORTANCE_WEIGHTED
}
