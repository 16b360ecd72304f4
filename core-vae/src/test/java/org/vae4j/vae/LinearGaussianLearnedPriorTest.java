package org.vae4j.vae;

import java.util.List;
import java.util.Random;

import ai.djl.nn.Parameter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Table;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.infer.MixtureOfGaussiansPrior;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * The linear-Gaussian check of {@link LinearGaussianTest} with a learned prior, where it applies: a mixture
 * of one learned Gaussian N(m, s^2), trained with the Monte-Carlo ELBO. The model is then still
 * probabilistic PCA (z = m + s z' maps it onto the standard one), so its held-out likelihood must be the
 * exact PPCA likelihood, and the guide must be the exact posterior of the learned decoder under the learned
 * prior. With more components, or a VampPrior, the marginal is no longer Gaussian and the exact posterior
 * has no closed form, so neither check applies there.
 */
class LinearGaussianLearnedPriorTest {

    private static Vae vae;
    private static Table test;

    @BeforeAll
    static void train() {
        Random random = new Random(2025);
        Table train = LinearGaussianTest.sample(4000, random);
        test = LinearGaussianTest.sample(1000, random);
        VaeConfig config = VaeConfig.builder()
                .latentDim(1)
                .encoderHidden(List.of())
                .decoderHidden(List.of())
                .numericLikelihood(NumericLikelihood.GAUSSIAN)
                .standardize(true)
                .objective(ObjectiveKind.MONTE_CARLO_ELBO)
                .epochs(80)
                .batchSize(64)
                .learningRate(0.002)
                .seed(5)
                .device(DeviceChoice.CPU)
                .build();
        vae = new VaeTrainer(config)
                .prior((guide, dataWidth, conditionWidth, manager, initRandom) ->
                        new MixtureOfGaussiansPrior(1, 1, 0, manager, initRandom))
                .fit(train);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    private static float learned(String name) {
        Parameter parameter = vae.model().prior().parameters().stream().filter(p -> p.getName().equals(name))
                .findFirst().orElseThrow();
        return parameter.getArray().getFloat();
    }

    @Test
    void heldOutLogLikelihoodMatchesTheExactPpcaLikelihood() {
        LinearGaussianTest.assertHeldOutLikelihoodIsExact(vae, test);
    }

    @Test
    void amortizedPosteriorMatchesTheExactPosteriorUnderTheLearnedPrior() {
        double mean = learned(MixtureOfGaussiansPrior.MEANS);
        double variance = Math.exp(learned(MixtureOfGaussiansPrior.LOG_VARIANCES));
        System.out.println("learned prior N(" + mean + ", " + variance + ")");
        LinearGaussianTest.assertGuideIsTheExactPosterior(vae, test, mean, variance);
    }
}
