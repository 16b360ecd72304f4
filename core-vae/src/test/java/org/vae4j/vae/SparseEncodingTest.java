package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * A large table is encoded through the sparse first layer (where the CPU has it) and a one-row table
 * through the engine's dense product: both give every row the same posterior, for a plain and for a
 * conditional VAE.
 */
class SparseEncodingTest {

    @ParameterizedTest(name = "conditional: {0}")
    @ValueSource(booleans = {false, true})
    void wholeTableAndRowByRowEncodingsAgree(boolean conditional) {
        int rows = 300;
        int width = 40;
        SplittableRandom random = new SplittableRandom(5);
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < 0.35 ? (float) random.nextDouble() : 0f; // image-like: mostly zeros
        }
        // A conditional VAE's guide reads the one-hot condition after the pixels: the same kernel, wider rows.
        Schema schema = conditional
                ? Schema.numeric("pixel", width).withCondition(Column.categorical("class", List.of("a", "b", "c")))
                : Schema.numeric("pixel", width);
        int[] conditions = conditional ? random.ints(rows, 0, 3).toArray() : null;
        Table table = Table.ofNumeric(schema, values, conditions);
        VaeConfig config = VaeConfig.builder().numericLikelihood(NumericLikelihood.BERNOULLI).standardize(false)
                .latentDim(3).hidden(List.of(150)).epochs(2).seed(1).build();
        try (Vae vae = new VaeTrainer(config).listener(TrainingListener.NONE).fit(table)) {
            Posterior all = vae.encode(table);
            double spread = Math.abs(all.mean()[0][0] - all.mean()[1][0]) + Math.abs(all.mean()[0][1] - all.mean()[1][1]);
            assertTrue(spread > 0.01, "rows have different posteriors (not collapsed), so a wrong output shows");
            for (int r = 0; r < rows; r += 7) {
                float[] row = new float[width];
                System.arraycopy(values, r * width, row, 0, width);
                int[] condition = conditional ? new int[] {conditions[r]} : null;
                Posterior one = vae.encode(Table.ofNumeric(schema, row, condition));
                for (int j = 0; j < 3; j++) {
                    assertEquals(one.mean()[0][j], all.mean()[r][j], 1e-6, "mean, row " + r + ", dimension " + j);
                    assertEquals(one.std()[0][j], all.std()[r][j], 1e-6, "std, row " + r + ", dimension " + j);
                }
            }
        }
    }
}
