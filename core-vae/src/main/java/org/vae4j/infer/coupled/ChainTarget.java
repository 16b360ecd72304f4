package org.vae4j.infer.coupled;

import ai.djl.ndarray.NDArray;

/**
 * What the coupled chains sample: for each row b of a batch, the posterior p(z | x_b), known up to a constant
 * through the joint log-density log p(x_b, z), and a proposal q(z | x_b) to draw fresh particles from (a VAE's
 * guide). The chains never differentiate through the proposal; the joint is evaluated with gradients recorded,
 * so that a weighted sum of joints is a surrogate whose gradient is a weighted sum of score functions.
 */
public interface ChainTarget {

    /** B, the number of rows (independent posteriors) the chains run for together. */
    long rows();

    /**
     * Fresh draws from the proposal, {@code count} per row, independent of everything drawn before.
     *
     * @return draws of shape (count, B, M) and their log proposal density, shape (count, B), both detached
     */
    Proposals propose(int count);

    /**
     * log p(x_b, z) for draws z of shape (count, B, M) (draw i of row b at [i, b]), shape (count, B), with the
     * gradient to the model's parameters recorded.
     */
    NDArray logJoint(NDArray z);

    /**
     * The same posteriors and proposals for some of the rows only, at {@code positions} (in that order): the
     * chains go on with the rows that have not met yet.
     */
    ChainTarget subset(long[] positions);

    /**
     * Draws from the proposal.
     *
     * @param z the draws (count, B, M), detached
     * @param logProposal log q(z | x_b) of each draw (count, B), detached
     */
    record Proposals(NDArray z, NDArray logProposal) {}
}
