package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.dist.LatentDistribution;
import org.vae4j.nn.WeightInit;

/**
 * A toy procedure of FactorVAE's shape through the procedure interface: the VAE group maximises the ELBO
 * minus a critic's mean score of its codes, and the critic, a training-only network in its own native
 * memory with its own Adam, learns from the codes the VAE group drew in the same step (detached). The run
 * exposes the critic's parameters as training-only and frees them when its step closes.
 */
class TrainingOnlyNetworkTest {

    /** The toy procedure. */
    private static final class CriticProcedure implements TrainingProcedure {

        @Override
        public TrainingStep start(TrainingContext context) {
            NDManager memory = context.manager().newSubManager();
            Block critic = Linear.builder().setUnits(1).build();
            critic.initialize(memory, DataType.FLOAT32, new Shape(1, context.guide().latentDim()));
            WeightInit.TORCH_UNIFORM.apply(critic, context.random());
            Map<String, Parameter> named = new LinkedHashMap<>();
            named.put("critic.weight", critic.getParameters().get("weight"));
            named.put("critic.bias", critic.getParameters().get("bias"));
            List<Parameter> criticParameters = List.copyOf(named.values());
            Bound elbo = new AnalyticKlElbo();
            NDArray[] codes = new NDArray[1];
            Adam vaeOptimizer = new Adam(context.inferenceParameters(), 0.01);
            ParameterGroup vae = new ParameterGroup("vae", vaeOptimizer,
                    (batch, noise, beta) -> {
                        LatentDistribution q = context.guide().posterior(context.parameters(), batch, true);
                        NDArray z = q.rsample(noise.standardNormal(batch.x().getManager(), q.location().getShape())).z();
                        codes[0] = z.stopGradient();
                        NDArray score = critic.forward(context.parameters(), new NDList(z), true).singletonOrThrow();
                        return elbo.loss(context.guide(), context.model(), context.parameters(), batch, noise, beta)
                                .add(score.mean());
                    });
            ParameterGroup criticGroup = new ParameterGroup("critic", new Adam(criticParameters, 0.01),
                    (batch, noise, beta) -> critic.forward(context.parameters(), new NDList(codes[0]), true)
                            .singletonOrThrow().square().mean());
            ParameterGroupStep groups = new ParameterGroupStep(List.of(vae, criticGroup));
            return new TrainingStep() {
                @Override
                public float step(Batch batch, NoiseSource noise, double beta) {
                    return groups.step(batch, noise, beta);
                }

                @Override
                public Adam inferenceOptimizer() {
                    return vaeOptimizer;
                }

                @Override
                public Map<String, Parameter> trainingOnlyParameters() {
                    return named;
                }

                @Override
                public void close() {
                    memory.close();
                }
            };
        }
    }

    private SmallMixedVae vae;

    @BeforeEach
    void build() {
        vae = new SmallMixedVae();
    }

    @AfterEach
    void close() {
        vae.close();
    }

    private static boolean allChanged(List<float[]> before, List<Parameter> after) {
        for (int i = 0; i < before.size(); i++) {
            if (Arrays.equals(before.get(i), after.get(i).getArray().toFloatArray())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void trainsTheCriticBesideTheVaeAndFreesItWithTheStep() {
        TrainingContext context = new TrainingContext(vae.guide, vae.model, vae.store(), vae.manager, new Random(1), 3);
        List<float[]> inferenceBefore = SmallMixedVae.valuesOf(context.inferenceParameters());
        List<Parameter> critic;
        try (TrainingStep step = new CriticProcedure().start(context)) {
            assertEquals(List.of("critic.weight", "critic.bias"), List.copyOf(step.trainingOnlyParameters().keySet()));
            critic = List.copyOf(step.trainingOnlyParameters().values());
            assertTrue(critic.stream().noneMatch(context.inferenceParameters()::contains),
                    "training-only parameters are not inference parameters");
            List<float[]> criticBefore = SmallMixedVae.valuesOf(critic);
            for (int i = 0; i < 5; i++) {
                assertTrue(Float.isFinite(step.step(vae.batch, new NoiseSource(i), 1)), "step " + i);
            }
            assertTrue(allChanged(criticBefore, critic), "the critic trains");
            assertTrue(allChanged(inferenceBefore, context.inferenceParameters()), "guide and model train");
        }
        assertTrue(critic.stream().allMatch(p -> p.getArray().isReleased()), "closing the step frees the critic");
        assertFalse(context.inferenceParameters().stream().anyMatch(p -> p.getArray().isReleased()),
                "and leaves the model");
    }
}
