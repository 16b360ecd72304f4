package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.djl.nn.Parameter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FactorVAE's two parameter groups stay separate: the VAE group's update moves the guide and model and no
 * discriminator parameter, the discriminator group's update moves the discriminator and no guide or model
 * parameter; the discriminator is training-only, named {@code discriminator.layerN.*}, and freed with the step.
 */
class FactorVaeProcedureTest {

    private SmallMixedVae vae;

    @BeforeEach
    void build() {
        vae = new SmallMixedVae();
    }

    @AfterEach
    void close() {
        vae.close();
    }

    private static List<float[]> gradients(List<Parameter> parameters) {
        List<float[]> list = new ArrayList<>();
        parameters.forEach(p -> list.add(p.getArray().getGradient().toFloatArray()));
        return list;
    }

    private static void assertUnchanged(List<float[]> before, List<float[]> after, String what) {
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), what + " " + i);
        }
    }

    private static void assertAllChanged(List<float[]> before, List<float[]> after, String what) {
        for (int i = 0; i < before.size(); i++) {
            assertFalse(Arrays.equals(before.get(i), after.get(i)), what + " " + i);
        }
    }


    @Test
    void eachGroupMovesItsOwnParametersOnly() {
        TrainingContext context = new TrainingContext(vae.guide, vae.model, vae.store(), vae.manager, new Random(2),
                3);
        FactorVaeProcedure procedure = new FactorVaeProcedure(35, 0.01,
                new FactorVaeProcedure.DiscriminatorSettings(8, 2, 0.01, 0.5, 0.9));
        List<Parameter> inference = context.inferenceParameters();
        List<Parameter> discriminator;
        try (FactorVaeProcedure.Step step = procedure.start(context)) {
            discriminator = List.copyOf(step.trainingOnlyParameters().values());
            assertEquals(List.of("discriminator.layer0.weight", "discriminator.layer0.bias",
                    "discriminator.layer1.weight", "discriminator.layer1.bias", "discriminator.layer2.weight",
                    "discriminator.layer2.bias"), List.copyOf(step.trainingOnlyParameters().keySet()));
            ParameterGroup vaeGroup = step.groups().get(0);
            ParameterGroup discriminatorGroup = step.groups().get(1);
            for (int round = 0; round < 3; round++) {
                List<float[]> inferenceBefore = SmallMixedVae.valuesOf(inference);
                List<float[]> discriminatorBefore = SmallMixedVae.valuesOf(discriminator);
                List<List<float[]>> afterVaeGroup = new ArrayList<>();
                // The probe runs when the discriminator's group starts: after the VAE group's update.
                ParameterGroup probed = new ParameterGroup("discriminator", discriminatorGroup.optimizer(),
                        (batch, noise, beta) -> {
                            afterVaeGroup.add(SmallMixedVae.valuesOf(inference));
                            afterVaeGroup.add(SmallMixedVae.valuesOf(discriminator));
                            afterVaeGroup.add(gradients(discriminator));
                            return discriminatorGroup.loss().of(batch, noise, beta);
                        });
                float loss = new ParameterGroupStep(List.of(vaeGroup, probed)).step(vae.batch, new NoiseSource(round),
                        1);
                assertTrue(Float.isFinite(loss));
                assertUnchanged(discriminatorBefore, afterVaeGroup.get(1),
                        "the VAE group's update leaves the discriminator: parameter");
                assertAllChanged(inferenceBefore, afterVaeGroup.get(0), "the VAE group moves guide/model parameter");
                assertUnchanged(afterVaeGroup.get(0), SmallMixedVae.valuesOf(inference),
                        "the discriminator's update leaves the guide and model: parameter");
                assertAllChanged(afterVaeGroup.get(1), SmallMixedVae.valuesOf(discriminator), "the discriminator group moves parameter");
                for (float[] gradient : afterVaeGroup.get(2)) {
                    assertArrayEquals(new float[gradient.length], gradient,
                            "the VAE loss's gradient on the discriminator is gone before the discriminator steps");
                }
            }
        }
        assertTrue(discriminator.stream().allMatch(p -> p.getArray().isReleased()), "closing the step frees it");
        assertTrue(inference.stream().noneMatch(p -> p.getArray().isReleased()), "and keeps the model");
    }
}
