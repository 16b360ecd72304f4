package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytic-KL ELBO where the prior has no closed-form KL from the guide's posterior (flow guides,
 * learned priors): it estimates the KL at its draw instead of failing, and refuses free bits, which need
 * the KL per dimension.
 */
class AnalyticKlElboTest {

    /** N(0, I) without its closed-form KL, as a learned prior would be. */
    private static final class PriorWithoutClosedForm implements Prior {
        private final StandardNormalPrior normal = new StandardNormalPrior(2);

        @Override
        public NDArray logProb(ParameterStore parameters, NDArray z, boolean training) {
            return normal.logProb(parameters, z, training);
        }

        @Override
        public PriorSampler sampler(ParameterStore parameters) {
            return normal.sampler(parameters);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }
    }

    private SmallMixedVae vae;
    private Model withoutClosedForm;

    @BeforeEach
    void build() {
        vae = new SmallMixedVae();
        withoutClosedForm = new Model(new PriorWithoutClosedForm(), vae.model.decoder(), vae.model.likelihood(),
                vae.model.gaussianLogVariance());
    }

    @AfterEach
    void close() {
        vae.close();
    }

    private float[] perRow(Bound bound, Model model) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return bound.perRow(vae.guide, model, vae.store(), vae.batch, new NoiseSource(5), 0.6, false)
                    .toFloatArray();
        }
    }

    @Test
    void estimatesTheKlAtItsDrawWhereThereIsNoClosedForm() {
        float[] sampled = perRow(new AnalyticKlElbo(), withoutClosedForm);
        float[] monteCarlo = perRow(new MonteCarloElbo(), withoutClosedForm);
        float[] analytic = perRow(new AnalyticKlElbo(), vae.model);
        for (int r = 0; r < sampled.length; r++) {
            assertEquals(monteCarlo[r], sampled[r], 1e-5, "row " + r);
            assertTrue(Math.abs(analytic[r] - sampled[r]) > 1e-3, "with the closed form the value differs, row " + r);
        }
    }

    @Test
    void refusesFreeBitsWithoutAKlPerDimension() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new AnalyticKlElbo(0.1)
                    .loss(vae.guide, withoutClosedForm, vae.store(), vae.batch, new NoiseSource(5), 1));
            assertTrue(e.getMessage().contains("free bits"), e.getMessage());
        }
    }
}
