package org.vae4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vae4j.engine.Engines;

/**
 * MADE's autoregressive property, two ways: the product of the three masks connects variable j to the
 * outputs of variable i exactly when j comes before i in the network's order (all such paths exist once the
 * hidden layers are M wide); and perturbing inputs of a trained-looking network leaves the outputs of every
 * earlier-or-equal variable bit for bit unchanged, while later ones move.
 */
class AutoregressiveMasksTest {

    /** connected[o][i]: whether some path joins input i to output o through the masks. */
    private static boolean[][] connectivity(AutoregressiveMasks masks, int outputsPerVariable) {
        float[][] first = masks.variablesToHidden();
        float[][] second = masks.hiddenToHidden();
        float[][] last = masks.hiddenToOutputs(outputsPerVariable);
        int hidden = first.length;
        int variables = first[0].length;
        boolean[][] connected = new boolean[last.length][variables];
        for (int o = 0; o < last.length; o++) {
            for (int i = 0; i < variables; i++) {
                for (int k2 = 0; k2 < hidden && !connected[o][i]; k2++) {
                    for (int k1 = 0; k1 < hidden; k1++) {
                        if (last[o][k2] != 0 && second[k2][k1] != 0 && first[k1][i] != 0) {
                            connected[o][i] = true;
                            break;
                        }
                    }
                }
            }
        }
        return connected;
    }

    @ParameterizedTest
    @CsvSource({"1, 3, false", "2, 2, false", "3, 3, false", "3, 7, true", "5, 5, true", "5, 12, false", "4, 2, false"})
    void masksConnectExactlyTheEarlierVariables(int variables, int hidden, boolean reversed) {
        AutoregressiveMasks masks = new AutoregressiveMasks(variables, hidden, reversed);
        boolean[][] connected = connectivity(masks, 2);
        for (int o = 0; o < 2 * variables; o++) {
            int i = o % variables;
            for (int j = 0; j < variables; j++) {
                boolean earlier = reversed ? j > i : j < i;
                assertEquals(masks.degree(j) < masks.degree(i), earlier, "degrees follow the order");
                if (!earlier) {
                    assertTrue(!connected[o][j], "output " + o + " (variable " + i + ") sees input " + j);
                } else if (hidden >= variables) {
                    assertTrue(connected[o][j], "output " + o + " (variable " + i + ") cannot see earlier input " + j);
                }
            }
        }
    }

    @Test
    void perturbingAnInputMovesOnlyTheOutputsOfLaterVariables() {
        int variables = 4;
        int context = 2;
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            for (boolean reversed : new boolean[] {false, true}) {
                AutoregressiveNetwork network = new AutoregressiveNetwork(
                        new AutoregressiveMasks(variables, 9, reversed), variables, context, 2);
                network.initialize(manager, DataType.FLOAT32, new Shape(1, variables), new Shape(1, context));
                WeightInit.TORCH_UNIFORM.apply(network, new Random(3));
                ParameterStore parameters = new ParameterStore(manager, false);
                float[] z = {0.3f, -1.2f, 0.8f, 0.1f};
                float[] h = {0.5f, -0.4f};
                float[] reference = output(network, parameters, manager, z, h);
                for (int j = 0; j < variables; j++) {
                    float[] moved = z.clone();
                    moved[j] += 1.5f;
                    float[] out = output(network, parameters, manager, moved, h);
                    boolean anyLaterMoved = false;
                    for (int o = 0; o < out.length; o++) {
                        int i = o % variables;
                        boolean later = reversed ? i < j : i > j;
                        if (!later) {
                            assertEquals(reference[o], out[o], 0f, "output " + o + " moved with input " + j);
                        } else {
                            anyLaterMoved |= Math.abs(reference[o] - out[o]) > 1e-4;
                        }
                    }
                    boolean lastInOrder = reversed ? j == 0 : j == variables - 1;
                    assertTrue(anyLaterMoved || lastInOrder, "no later output depends on input " + j);
                }
            }
        }
    }

    private static float[] output(AutoregressiveNetwork network, ParameterStore parameters, NDManager manager,
            float[] z, float[] h) {
        NDList in = new NDList(manager.create(z, new Shape(1, z.length)), manager.create(h, new Shape(1, h.length)));
        return network.forward(parameters, in, false).singletonOrThrow().toFloatArray();
    }
}
