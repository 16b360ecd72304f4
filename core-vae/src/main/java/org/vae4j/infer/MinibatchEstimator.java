package org.vae4j.infer;

/**
 * How the density of the aggregate posterior q(z) = (1/N) sum_n q(z | x_n) at a draw z_i of a mini-batch is
 * estimated from that mini-batch of B rows alone (Chen et al. 2018, section 3.1 and appendix C): a weighted
 * sum q(z_i) ~ sum_k w_ik q(z_i | x_k) over the batch's rows k. The weights are what the estimators differ in.
 */
public enum MinibatchEstimator {

    /**
     * Minibatch-weighted sampling: every row weighs 1 / (N B). Biased (it underestimates log q(z) by ignoring
     * that z_i was drawn from row i), cheap and the paper's default.
     */
    MWS {
        @Override
        double weight(int i, int k, int batch, long trainingRows) {
            return 1.0 / ((double) trainingRows * batch);
        }
    },

    /**
     * Minibatch stratified sampling: with M = B - 1 other rows, row i itself weighs 1 / N, one further row
     * (the next, cyclically) (N - M) / (N M), and the other M - 1 rows 1 / M each; the weights of each draw sum
     * to one. A batch of one row falls back to the weight 1 / N of minibatch-weighted sampling.
     */
    MSS {
        @Override
        double weight(int i, int k, int batch, long trainingRows) {
            if (batch == 1) {
                return MWS.weight(i, k, batch, trainingRows);
            }
            double others = batch - 1;
            if (k == i) {
                return 1.0 / trainingRows;
            }
            if (k == (i + 1) % batch) {
                return (trainingRows - others) / (trainingRows * others);
            }
            return 1 / others;
        }
    };

    /** w_ik: the weight of row k's posterior in the estimate of q at row i's draw. */
    abstract double weight(int i, int k, int batch, long trainingRows);

    /**
     * The log weights log w_ik of a batch, row-major (B, B).
     *
     * @throws IllegalArgumentException if the batch has more rows than the training set ({@code trainingRows})
     */
    float[] logWeights(int batch, long trainingRows) {
        if (trainingRows < batch) {
            throw new IllegalArgumentException("estimating q(z) needs the training-set size N >= the batch's rows, got"
                    + " N = " + trainingRows + " for a batch of " + batch);
        }
        float[] logWeights = new float[batch * batch];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < batch; k++) {
                logWeights[i * batch + k] = (float) Math.log(weight(i, k, batch, trainingRows));
            }
        }
        return logWeights;
    }
}
