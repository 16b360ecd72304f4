package org.vae4j.vae;

import java.util.Random;

import ai.djl.nn.Parameter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Table;
import org.vae4j.infer.MixtureOfGaussiansPrior;

/**
 * The linear-Gaussian check of {@link LinearGaussianTest} with a learned prior, where it applies: a mixture
 * of one learned Gaussian N(m, s^2), trained with the Monte-Carlo ELBO. The model is then still
 * probabilistic PCA (z = m + s z' maps it onto the standard one), so its held-out likelihood must be the
 * exact PPCA likelihood, and the guide must be the exact posterior of the learned decoder under the learned
 * prior. Neither check applies to more components (the marginal is no longer Gaussian, the exact posterior
 * has no closed form), nor to a VampPrior: with one pseudo-input it is Gaussian, but its variance is the
 * guide's own at the pseudo-input, while the exact posterior of PPCA has one variance for every row,
 * smaller than the prior's: a linear guide gives every row one log-variance only as a constant output,
 * which the pseudo-input then gets too, so the trained model is not the exact fit.
 */
class LinearGaussianLearnedPriorTest {

    private static Vae vae;
    private static Table test;

    @BeforeAll
    static void train() {
        Random random = new Random(2025);
        Table train = LinearGaussianTest.sample(2500, random);
        test = LinearGaussianTest.sample(1000, random);
        VaeConfig config = LinearGaussianTest.linearConfig().objective("mc-elbo").prior("mog:K=1,spread=0").epochs(60)
                .learningRate(0.003).build();
        vae = new VaeTrainer(config).fit(train);
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
        LinearGaussianTest.assertGuideIsTheExactPosterior(vae, test, mean, variance);
    }
}
