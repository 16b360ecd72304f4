package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * On a bimodal column (two well separated modes, nothing between them), mode-specific normalisation generates
 * far fewer values in the empty gap than plain standardisation does with the same small network and training:
 * the mode is a category the decoder picks, and only the offset within it is Gaussian.
 */
class ModeSpecificNormalisationTest {

    private static double shareInTheGap(String columnTypes) {
        Random random = new Random(6);
        Table.Builder builder = Table.builder(Schema.numeric("x", 2), 600);
        for (int i = 0; i < 600; i++) {
            double mode = random.nextBoolean() ? -4 : 4;
            builder.addRow(new double[] {mode + 0.5 * random.nextGaussian(), random.nextGaussian()});
        }
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(8).batchSize(32)
                .learningRate(3e-3).seed(7).columnTypes(columnTypes).build();
        try (Vae vae = new VaeTrainer(config).fit(builder.build())) {
            Table generated = vae.generate(2000, 8);
            int inGap = 0;
            for (int r = 0; r < generated.rows(); r++) {
                if (Math.abs(generated.value(r, 0)) < 2) {
                    inGap++;
                }
            }
            return (double) inGap / generated.rows();
        }
    }

    @Test
    void fewerGeneratedValuesFallBetweenTheModes() {
        double plain = shareInTheGap("x0:gaussian,x1:gaussian");
        double modes = shareInTheGap("x0:modes,x1:gaussian");
        assertTrue(modes < 0.05 && modes < plain / 3, "share of generated values in the empty gap |x| < 2: plain "
                + plain + ", mode-specific " + modes);
    }
}
