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

    /** Each row's M means followed by its M standard deviations: the 2M features both adapters output. */
    public double[][] meansThenStds() {
        double[][] rows = new double[rows()][];
        for (int r = 0; r < rows.length; r++) {
            int m = mean[r].length;
            rows[r] = new double[2 * m];
            System.arraycopy(mean[r], 0, rows[r], 0, m);
            System.arraycopy(std[r], 0, rows[r], m, m);
        }
        return rows;
    }
}
