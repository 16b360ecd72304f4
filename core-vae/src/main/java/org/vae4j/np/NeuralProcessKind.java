package org.vae4j.np;

/**
 * The neural-process models vae4j builds. All read a context set of (x, y) pairs and give, for every target
 * input x*, a Gaussian over y* with a mean and a standard deviation 0.1 + 0.9 softplus(.) (in standardised
 * units).
 */
public enum NeuralProcessKind {
    /**
     * The conditional neural process (Garnelo et al. 2018a): each context pair is encoded by a perceptron, the
     * codes are averaged into one representation r, and the decoder maps (x*, r) to the Gaussian.
     */
    CNP,
    /**
     * The latent neural process (Garnelo et al. 2018b): the deterministic path of the CNP plus a latent path,
     * a diagonal Gaussian q(z | context) from an averaged encoding of the context; the decoder reads
     * (x*, r, z), and its predictions average over draws of z.
     */
    NP,
    /**
     * The attentive neural process (Kim et al. 2019): the latent neural process whose deterministic path gives
     * each target its own representation, by scaled dot-product cross-attention from the target input over
     * the context inputs (keys) to the context codes (values).
     */
    ATTENTIVE_NP;

    /** Whether the model has the latent path q(z | context). */
    public boolean hasLatentPath() {
        return this != CNP;
    }

    /** Whether the deterministic path attends over the context instead of averaging it. */
    public boolean attends() {
        return this == ATTENTIVE_NP;
    }
}
