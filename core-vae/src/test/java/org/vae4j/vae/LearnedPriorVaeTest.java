package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import ai.djl.nn.Parameter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.infer.MixtureOfGaussiansPrior;
import org.vae4j.infer.Prior;
import org.vae4j.infer.VampPrior;

/**
 * A VAE with each learned prior goes through the whole life of a model: Monte-Carlo training with a
 * held-out split (whose ELBO has no closed-form KL), generation from the prior, encoding, ELBOs and
 * importance-sampled log-likelihoods; the analytic-KL objective refuses it. The data are two clusters in
 * four columns with a two-level condition, so the VampPrior's conditional pseudo-inputs are exercised.
 */
class LearnedPriorVaeTest {

    private static Table data(int rows, long seed) {
        Schema schema = Schema.numeric("x", 4).withCondition(Column.categorical("side", List.of("left", "right")));
        Random random = new Random(seed);
        Table.Builder builder = Table.builder(schema, rows);
        for (int i = 0; i < rows; i++) {
            int side = random.nextInt(2);
            double centre = side == 0 ? -2 : 2;
            double t = random.nextGaussian();
            builder.addRow(new double[] {centre + 0.3 * random.nextGaussian(), t, 0.5 * t + 0.2 * random.nextGaussian(),
                centre * t + 0.3 * random.nextGaussian()}, side);
        }
        return builder.build();
    }

    private static String spec(String name) {
        return name.equals("mixture") ? "mog:K=3,spread=1" : "vamp:K=6,mean=0.05,std=0.5";
    }

    private static VaeConfig.Builder config() {
        return VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(12).batchSize(32).learningRate(3e-3)
                .validationFraction(0.2).patience(100).seed(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixture", "vamp"})
    void trainsGeneratesEncodesAndScores(String name) {
        Table train = data(600, 1);
        Table test = data(100, 2);
        VaeConfig config = config().objective("mc-elbo").build();
        try (Vae vae = new VaeTrainer(config.toBuilder().prior(spec(name)).build()).fit(train)) {
            Prior prior = vae.model().prior();
            assertEquals(name.equals("vamp") ? VampPrior.class : MixtureOfGaussiansPrior.class, prior.getClass());
            Set<Parameter> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            distinct.addAll(vae.parameters());
            assertEquals(vae.parameters().size(), distinct.size(), "no parameter is trained twice");
            List<EpochReport> epochs = vae.history().epochs();
            double first = epochs.get(0).validationElbo();
            double last = epochs.get(epochs.size() - 1).validationElbo();
            assertTrue(last > first + 0.5, name + ": held-out ELBO went from " + first + " to " + last);

            Table generated = vae.generate(200, 5);
            assertEquals(200, generated.rows());
            for (int r = 0; r < generated.rows(); r++) {
                for (double v : generated.row(r)) {
                    assertTrue(Double.isFinite(v), "generated row " + r);
                }
            }
            assertArrayEquals(generated.row(17), vae.generate(200, 5).row(17), "same seed, same rows");

            Posterior posterior = vae.encode(test);
            assertEquals(test.rows(), posterior.rows());
            double[] elbo = vae.elbo(test, 3);
            double[] logLikelihood = vae.logLikelihood(test, 64, 3);
            double elboMean = 0;
            double likelihoodMean = 0;
            for (int r = 0; r < test.rows(); r++) {
                assertTrue(Double.isFinite(elbo[r]) && Double.isFinite(logLikelihood[r]), "row " + r);
                elboMean += elbo[r] / test.rows();
                likelihoodMean += logLikelihood[r] / test.rows();
            }
            assertTrue(likelihoodMean > elboMean, name + ": the 64-sample bound " + likelihoodMean
                    + " is tighter than the ELBO " + elboMean);
        }
    }

}
