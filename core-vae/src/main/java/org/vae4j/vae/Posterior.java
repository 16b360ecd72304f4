package org.vae4j.vae;

/**
 * The amortized posterior q(z | x) of each row: its mean and standard deviation per latent dimension.
 *
 * @param mean rows x M posterior means
 * @param std rows x M posterior standard deviations
 */
public record Posterior(double[][] mean, double[][] std) {

    /** Number of rows. */
    public int rows() {
        return mean.length;
    }
}
