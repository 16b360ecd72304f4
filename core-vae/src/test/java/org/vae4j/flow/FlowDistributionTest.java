package org.vae4j.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.dist.DiagonalNormal;
import org.vae4j.dist.LatentSample;
import org.vae4j.dist.MixedLikelihood;
import org.vae4j.engine.Engines;
import org.vae4j.infer.AnalyticKlElbo;
import org.vae4j.infer.Batch;
import org.vae4j.infer.ImportanceWeightedBound;
import org.vae4j.infer.Model;
import org.vae4j.infer.MonteCarloElbo;
import org.vae4j.infer.NoiseSource;
import org.vae4j.infer.StandardNormalPrior;
import org.vae4j.nn.Mlp;
import org.vae4j.nn.WeightInit;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * A flow guide whose posterior chains every kind of step (planar, radial, IAF in both orders, with context):
 * the log q its draws carry against the change of variables computed in plain Java from a finite-difference
 * Jacobian of the whole map eps -> z; the same log q step by step; S draws per row against one at a time;
 * the point code and spread it reports; and the bounds that can and cannot use it.
 */
class FlowDistributionTest {

    private static final int LATENT = 3;
    private static final int CONTEXT = 2;
    private static final int DATA = 4;
    private static final int ROWS = 2;

    private NDManager manager;
    private ParameterStore parameters;
    private FlowGuide guide;
    private Batch batch;

    @BeforeEach
    void build() {
        manager = Engines.pytorch().newBaseManager();
        parameters = new ParameterStore(manager, false);
        guide = new FlowGuide(Mlp.of(List.of(5), 2 * LATENT + CONTEXT), LATENT, CONTEXT, false,
                List.of(new PlanarFlow(LATENT), new RadialFlow(LATENT),
                        new InverseAutoregressiveFlow(LATENT, CONTEXT, 6, false),
                        new InverseAutoregressiveFlow(LATENT, CONTEXT, 6, true)));
        FlowTesting.initialize(guide.network(), manager, guide.inputWidth(DATA, 0), 17);
        batch = new Batch(manager.create(new float[] {0.4f, -1.1f, 0.9f, 0.2f, -0.3f, 0.7f, -0.8f, 1.3f},
                new Shape(ROWS, DATA)), null, null);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private float[] noise(int count, long seed) {
        Random random = new Random(seed);
        float[] eps = new float[count];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) random.nextGaussian();
        }
        return eps;
    }

    private LatentSample draw(FlowDistribution q, float[] eps, Shape shape) {
        return q.rsample(manager.create(eps, shape));
    }

    @Test
    void logProbIsTheChangeOfVariablesOfTheWholeFlow() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            FlowDistribution q = guide.posterior(parameters, batch, false);
            float[] eps = noise(ROWS * LATENT, 23);
            float[] logProb = draw(q, eps, new Shape(ROWS, LATENT)).logProb().toFloatArray();
            float[] baseLogProb = q.base().rsample(manager.create(eps, new Shape(ROWS, LATENT))).logProb().toFloatArray();
            double h = 1e-3;
            for (int b = 0; b < ROWS; b++) {
                // z = T(eps): log q(z) = log N(eps; 0, I) - log |det dT/deps|
                double[][] jacobian = new double[LATENT][LATENT];
                double logNormal = 0;
                for (int j = 0; j < LATENT; j++) {
                    float[] up = eps.clone();
                    float[] down = eps.clone();
                    up[b * LATENT + j] += (float) h;
                    down[b * LATENT + j] -= (float) h;
                    float[] zUp = draw(q, up, new Shape(ROWS, LATENT)).z().toFloatArray();
                    float[] zDown = draw(q, down, new Shape(ROWS, LATENT)).z().toFloatArray();
                    double width = (double) up[b * LATENT + j] - down[b * LATENT + j];
                    for (int i = 0; i < LATENT; i++) {
                        jacobian[i][j] = (zUp[b * LATENT + i] - zDown[b * LATENT + i]) / width;
                    }
                    double e = eps[b * LATENT + j];
                    logNormal += -0.5 * (e * e + Math.log(2 * Math.PI));
                }
                double expected = logNormal - FlowTesting.logAbsDet(jacobian);
                assertEquals(expected, logProb[b], 5e-3, "row " + b);
                assertTrue(Math.abs(logProb[b] - baseLogProb[b]) > 0.05, "the flow barely changes log q: weak check");
            }
        }
    }

    @Test
    void logProbIsTheBaseLogProbMinusEachStepsLogDeterminant() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            FlowDistribution q = guide.posterior(parameters, batch, false);
            NDArray eps = manager.create(noise(ROWS * LATENT, 29), new Shape(ROWS, LATENT));
            LatentSample base = q.base().rsample(eps);
            NDArray z = base.z();
            NDArray expected = base.logProb();
            NDArray context = guide.network().forward(parameters, new ai.djl.ndarray.NDList(batch.x()), false)
                    .singletonOrThrow().get(":, " + 2 * LATENT + ":");
            for (FlowStep step : guide.steps()) {
                Transformed out = step.push(parameters, z, context, false);
                z = out.z();
                expected = expected.sub(out.logAbsDet());
            }
            LatentSample sample = q.rsample(eps);
            assertArrayEquals(z.toFloatArray(), sample.z().toFloatArray(), 1e-6f);
            assertArrayEquals(expected.toFloatArray(), sample.logProb().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void severalDrawsPerRowMatchOneDrawAtATime() {
        int draws = 5;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            FlowDistribution q = guide.posterior(parameters, batch, false);
            float[] eps = noise(draws * ROWS * LATENT, 31);
            LatentSample all = draw(q, eps, new Shape(draws, ROWS, LATENT));
            assertEquals(new Shape(draws, ROWS, LATENT), all.z().getShape());
            assertEquals(new Shape(draws, ROWS), all.logProb().getShape());
            float[] allZ = all.z().toFloatArray();
            float[] allLogProb = all.logProb().toFloatArray();
            int slice = ROWS * LATENT;
            for (int s = 0; s < draws; s++) {
                float[] one = new float[slice];
                System.arraycopy(eps, s * slice, one, 0, slice);
                LatentSample single = draw(q, one, new Shape(ROWS, LATENT));
                for (int k = 0; k < slice; k++) {
                    assertEquals(allZ[s * slice + k], single.z().toFloatArray()[k], 1e-5f, "draw " + s);
                }
                for (int b = 0; b < ROWS; b++) {
                    assertEquals(allLogProb[s * ROWS + b], single.logProb().toFloatArray()[b], 1e-4f, "draw " + s);
                }
            }
        }
    }

    @Test
    void reportsTheFlowedBaseMeanAndTheBaseSpreadAndRefusesDensitiesElsewhere() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            FlowDistribution q = guide.posterior(parameters, batch, false);
            DiagonalNormal base = q.base();
            float[] pushedMean = q.rsample(base.mean().zerosLike()).z().toFloatArray();
            assertArrayEquals(pushedMean, q.location().toFloatArray(), 1e-6f);
            assertFalse(java.util.Arrays.equals(base.mean().toFloatArray(), q.location().toFloatArray()));
            assertArrayEquals(base.stdDev().toFloatArray(), q.scale().toFloatArray(), 0f);
            assertFalse(q.evaluatesDensity());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> q.logProb(q.location()));
            assertTrue(e.getMessage().contains("only at its own draws"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> q.logProbPerDimension(q.location()));
        }
    }

    private Model model() {
        EncodedLayout layout = new EncodedLayout(Schema.of(List.of(Column.numeric("a"), Column.numeric("b"),
                Column.numeric("c"), Column.numeric("d"))), NumericLikelihood.GAUSSIAN);
        Block decoder = Mlp.of(List.of(4), DATA);
        decoder.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, LATENT));
        WeightInit.TORCH_UNIFORM.apply(decoder, new Random(5));
        Parameter logVariance = Parameter.builder().setName("lv").setType(Parameter.Type.OTHER)
                .optShape(new Shape(DATA)).optInitializer(Initializer.ZEROS).build();
        logVariance.initialize(manager, DataType.FLOAT32);
        return new Model(new StandardNormalPrior(LATENT), decoder, new MixedLikelihood(layout), logVariance);
    }

    @Test
    void everyBoundUsesTheDensityCarriedWithTheDraws() {
        Model model = model();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] elbo = new MonteCarloElbo().perRow(guide, model, parameters, batch, new NoiseSource(3), 1, false)
                    .toFloatArray();
            float[] oneSample = new ImportanceWeightedBound(1)
                    .perRow(guide, model, parameters, batch, new NoiseSource(3), 1, false).toFloatArray();
            assertArrayEquals(elbo, oneSample, 1e-4f, "IWAE with k = 1 is the ELBO on the same draws");
            float[] iwae = new ImportanceWeightedBound(50)
                    .perRow(guide, model, parameters, batch, new NoiseSource(3), 1, false).toFloatArray();
            for (int b = 0; b < ROWS; b++) {
                assertTrue(Float.isFinite(iwae[b]) && Float.isFinite(elbo[b]), "bounds must be finite");
            }
            // Without a closed-form KL the analytic ELBO estimates it at its draw: the Monte Carlo ELBO's value.
            float[] analytic = new AnalyticKlElbo().perRow(guide, model, parameters, batch, new NoiseSource(3), 1, false)
                    .toFloatArray();
            assertArrayEquals(elbo, analytic, 1e-4f, "the analytic ELBO falls back to the sampled KL for a flow");
        }
    }

    /** An identity step that counts the passes made through it. */
    private static final class CountingStep extends FlowStep {
        int passes;

        CountingStep() {
            super(LATENT);
        }

        @Override
        public Transformed push(ParameterStore parameters, NDArray z, NDArray context, boolean training) {
            passes++;
            return new Transformed(z, z.sum(new int[] {-1}).zerosLike());
        }

        @Override
        public void drawParameters(Random random) {}
    }

    @Test
    void aTrainingBoundPushesOnlyItsDrawsThroughTheFlow() {
        CountingStep counting = new CountingStep();
        FlowGuide counted = new FlowGuide(Mlp.of(List.of(), 2 * LATENT), LATENT, 0, false, List.of(counting));
        FlowTesting.initialize(counted.network(), manager, DATA, 3);
        Model model = model();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            new MonteCarloElbo().perRow(counted, model, parameters, batch, new NoiseSource(3), 1, true);
            assertEquals(1, counting.passes, "the Monte Carlo ELBO");
            new ImportanceWeightedBound(3).perRow(counted, model, parameters, batch, new NoiseSource(3), 1, true);
            assertEquals(2, counting.passes, "the importance-weighted bound");
        }
    }
}
