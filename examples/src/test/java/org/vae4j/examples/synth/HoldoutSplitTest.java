package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    @Test
    void holdsOutTheShareOfEachClassAndIsRepeatable() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i < 10 ? 0 : 1;
        }
        SynthTable table = Tables.labelled(x, y);
        HoldoutSplit split = HoldoutSplit.of(table, 1, 0.3, 4);
        assertEquals(21, split.training().rows());
        assertEquals(9, split.holdout().rows());
        assertEquals(3, Arrays.stream(split.holdout().values()[1]).filter(v -> v == 0).count());
        double[] all = new double[30];
        System.arraycopy(split.training().values()[0], 0, all, 0, 21);
        System.arraycopy(split.holdout().values()[0], 0, all, 21, 9);
        Arrays.sort(all);
        assertEquals(Arrays.toString(x), Arrays.toString(all), "every row in exactly one part");
        assertEquals(Arrays.toString(split.holdout().values()[0]),
                Arrays.toString(HoldoutSplit.of(table, 1, 0.3, 4).holdout().values()[0]));
        assertNotEquals(Arrays.toString(split.holdout().values()[0]),
                Arrays.toString(HoldoutSplit.of(table, 1, 0.3, 5).holdout().values()[0]));
    }
}
