package org.vae4j.cli;

import org.vae4j.vae.Vae;

/**
 * The names under which the commands report a model's ELBOs and log-likelihoods (output lines, CSV columns,
 * report keys), so that a value that is not a log-density never passes for one: a model whose numeric
 * columns use the Bernoulli likelihood on grey levels gives binary cross-entropies, reported with a
 * {@code _bce} suffix and a note saying what they are.
 *
 * @param elbo the ELBO's name
 * @param logLikelihood the importance-sampled log-likelihood's name
 * @param note what the values are when they are not log-densities, or null when they are
 */
record ScoreNames(String elbo, String logLikelihood, String note) {

    /** The names of {@code vae}'s scores. */
    static ScoreNames of(Vae vae) {
        if (vae.likelihoodIsDensity()) {
            return new ScoreNames("elbo", "log_likelihood", null);
        }
        return new ScoreNames("elbo_bce", "log_likelihood_bce", "the model's numeric columns use the Bernoulli "
                + "likelihood, which on grey levels in [0, 1] is the binary cross-entropy: its ELBOs and "
                + "log-likelihoods are not log-densities (log-probabilities only of 0/1 values); train with "
                + "--likelihood continuous_bernoulli for a density");
    }
}
