package org.vae4j.weka;

import weka.core.Instances;

/**
 * The warning that instance weights are not used in training. The VAE's objective counts every training
 * row once, so a weighted data set trains as if unweighted; Weka has no capability for this, so the schemes
 * say so on standard error, as Weka's own schemes report such things. Output rows keep their weights.
 */
public final class IgnoredWeights {

    private IgnoredWeights() {}

    /**
     * Prints a warning if any row of {@code training} has a weight other than 1.
     *
     * @param scheme the scheme's name, to start the message with
     * @return whether there were such weights
     */
    public static boolean warnIfAny(Instances training, String scheme) {
        for (int r = 0; r < training.numInstances(); r++) {
            if (training.instance(r).weight() != 1) {
                System.err.println(scheme + ": instance weights are ignored in training: every row counts once "
                        + "(row " + (r + 1) + " has weight " + training.instance(r).weight() + ")");
                return true;
            }
        }
        return false;
    }
}
