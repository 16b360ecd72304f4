package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * A conditional VAE fed the class label reproduces each class's own statistics when generating for that
 * class, and follows the training class frequencies when no class is given.
 */
class ConditionalVaeTest {

    private static final double[][] MEANS = {{-3, 0}, {2, 2}, {1, -4}};
    private static final double[][] STDS = {{0.5, 1.0}, {1.0, 0.3}, {0.7, 0.7}};
    private static final double[] SHARE = {0.6, 0.3, 0.1};

    @Test
    void generatedRowsReproduceEachClassMeanAndSpread() {
        Schema schema = Schema.numeric("x", 2).withCondition(Column.categorical("class", List.of("a", "b", "c")));
        Random random = new Random(31);
        Table.Builder builder = Table.builder(schema, 6000);
        for (int i = 0; i < 6000; i++) {
            double u = random.nextDouble();
            int k = u < SHARE[0] ? 0 : u < SHARE[0] + SHARE[1] ? 1 : 2;
            builder.addRow(new double[] {MEANS[k][0] + STDS[k][0] * random.nextGaussian(),
                    MEANS[k][1] + STDS[k][1] * random.nextGaussian()}, k);
        }
        // Plain Gaussian columns: the mixture of the classes would otherwise be encoded in modes, whose offsets
        // share one learned noise scale, too wide for the narrowest class.
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(32)).epochs(25).batchSize(64)
                .learningRate(3e-3).seed(4).columnTypes("*:gaussian").build();
        try (Vae vae = new VaeTrainer(config).fit(builder.build())) {
            for (int k = 0; k < 3; k++) {
                Table generated = vae.generate(3000, k, 100 + k);
                for (int c = 0; c < 2; c++) {
                    double sum = 0;
                    double sumSq = 0;
                    for (int r = 0; r < generated.rows(); r++) {
                        assertEquals(k, generated.condition(r));
                        double v = generated.value(r, c);
                        sum += v;
                        sumSq += v * v;
                    }
                    double mean = sum / generated.rows();
                    double std = Math.sqrt(sumSq / generated.rows() - mean * mean);
                    assertEquals(MEANS[k][c], mean, 0.25, "class " + k + " column " + c + " mean");
                    assertEquals(STDS[k][c], std, 0.25 * STDS[k][c] + 0.1, "class " + k + " column " + c + " spread");
                }
            }
            Table mixed = vae.generate(5000, 7);
            int[] counts = new int[3];
            for (int r = 0; r < mixed.rows(); r++) {
                counts[mixed.condition(r)]++;
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(SHARE[k], counts[k] / 5000.0, 0.03, "share of class " + k);
            }
        }
    }
}
