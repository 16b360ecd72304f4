package org.vae4j.nn;

/**
 * The connectivity of a MADE network (Germain et al. 2015) over M variables in a given order: each
 * variable gets a degree 1..M, each hidden unit a degree 0..M-1 (cyclically, so every degree is used when
 * the layer is at least M wide), and a connection exists only where it cannot carry variable j to an
 * output of variable i unless j comes before i. A hidden unit of degree 0 sees no variable, only the
 * network's unmasked context, so even the first variable's outputs can depend on the context.
 */
public final class AutoregressiveMasks {

    private final int[] variableDegrees;
    private final int[] hiddenDegrees;

    /**
     * @param variables M >= 1
     * @param hiddenWidth units per hidden layer, >= 1
     * @param reversed false for the order 1, ..., M (output i depends on inputs before i), true for the
     *     order M, ..., 1 (output i depends on inputs after i); stacked flows alternate the two
     */
    public AutoregressiveMasks(int variables, int hiddenWidth, boolean reversed) {
        if (variables < 1 || hiddenWidth < 1) {
            throw new IllegalArgumentException("an autoregressive network needs >= 1 variable and >= 1 hidden unit, got "
                    + variables + " and " + hiddenWidth);
        }
        variableDegrees = new int[variables];
        for (int i = 0; i < variables; i++) {
            variableDegrees[i] = reversed ? variables - i : i + 1;
        }
        hiddenDegrees = new int[hiddenWidth];
        for (int k = 0; k < hiddenWidth; k++) {
            hiddenDegrees[k] = k % variables;
        }
    }

    /** The degree of variable i: its position in the order, from 1. */
    public int degree(int variable) {
        return variableDegrees[variable];
    }

    /** Variables to the first hidden layer, [hidden][variable]: unit k sees variables of degree <= its own. */
    public float[][] variablesToHidden() {
        float[][] mask = new float[hiddenDegrees.length][variableDegrees.length];
        for (int k = 0; k < hiddenDegrees.length; k++) {
            for (int i = 0; i < variableDegrees.length; i++) {
                mask[k][i] = variableDegrees[i] <= hiddenDegrees[k] ? 1 : 0;
            }
        }
        return mask;
    }

    /** One hidden layer to the next, [to][from]: a unit sees units of degree <= its own. */
    public float[][] hiddenToHidden() {
        float[][] mask = new float[hiddenDegrees.length][hiddenDegrees.length];
        for (int to = 0; to < hiddenDegrees.length; to++) {
            for (int from = 0; from < hiddenDegrees.length; from++) {
                mask[to][from] = hiddenDegrees[from] <= hiddenDegrees[to] ? 1 : 0;
            }
        }
        return mask;
    }

    /**
     * The last hidden layer to the outputs, [output][hidden], for {@code outputsPerVariable} blocks of M
     * outputs (output o belongs to variable o mod M): an output sees units of degree strictly below its
     * variable's.
     */
    public float[][] hiddenToOutputs(int outputsPerVariable) {
        int variables = variableDegrees.length;
        float[][] mask = new float[outputsPerVariable * variables][hiddenDegrees.length];
        for (int o = 0; o < mask.length; o++) {
            for (int k = 0; k < hiddenDegrees.length; k++) {
                mask[o][k] = hiddenDegrees[k] < variableDegrees[o % variables] ? 1 : 0;
            }
        }
        return mask;
    }
}
