package org.vae4j.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.engine.Engines;

/**
 * A toy procedure with two parameter groups whose losses each read the other group's parameters, the way
 * FactorVAE's VAE loss reads its discriminator: each group must move by its own loss alone.
 *
 * <p>Group A holds a and minimises sum(a * b): its gradient in a is b, and it leaves the gradient a on b.
 * Group B holds b and minimises sum((b - b0)^2) + sum(c * a): b starts at b0, so its own gradient in b is
 * always zero and b must never move; and it leaves the gradient c on a. Without leaks a follows Adam on
 * the constant gradient b0: one learning rate per step, exactly as plain Java computes it.
 */
class ParameterGroupStepTest {

    private static final float[] A0 = {1, 2};
    private static final float[] B0 = {3, 4};
    private static final float[] C = {100, -100};
    private static final double LEARNING_RATE = 0.1;

    private NDManager manager;
    private Parameter a;
    private Parameter b;

    @BeforeEach
    void build() {
        manager = Engines.pytorch().newBaseManager();
        a = parameter("a", A0);
        b = parameter("b", B0);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Parameter parameter(String name, float[] values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(new Shape(2))
                .optInitializer(Initializer.ZEROS).build();
        p.initialize(manager, DataType.FLOAT32);
        p.getArray().set(values);
        return p;
    }

    private ParameterGroup groupA() {
        return new ParameterGroup("a", new Adam(List.of(a), LEARNING_RATE),
                (batch, noise, beta) -> a.getArray().mul(b.getArray()).sum());
    }

    private ParameterGroup groupB() {
        return new ParameterGroup("b", new Adam(List.of(b), LEARNING_RATE), (batch, noise, beta) -> {
            NDArray offset = b.getArray().sub(manager.create(B0));
            return offset.square().sum().add(a.getArray().mul(manager.create(C)).sum());
        });
    }

    /** a after {@code steps} Adam updates on the constant gradient b0: the bias-corrected moments are b0 and b0^2. */
    private static float[] expectedA(int steps) {
        float[] expected = new float[A0.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) (A0[i] - steps * LEARNING_RATE * B0[i] / (Math.abs(B0[i]) + 1e-8));
        }
        return expected;
    }

    @Test
    void eachGroupMovesByItsOwnLossAlone() {
        Batch batch = new Batch(manager.zeros(new Shape(1, 1)), null, null);
        ParameterGroupStep step = new ParameterGroupStep(List.of(groupA(), groupB()));
        for (int t = 1; t <= 3; t++) {
            float reported = step.step(batch, new NoiseSource(0), 1);
            float[] before = expectedA(t - 1);
            assertEquals(before[0] * B0[0] + before[1] * B0[1], reported, 1e-4, "the first group's loss, step " + t);
            assertArrayEquals(B0, b.getArray().toFloatArray(), "b, whose own loss is flat, after step " + t);
            assertArrayEquals(expectedA(t), a.getArray().toFloatArray(), 1e-5f, "a after step " + t);
        }
    }

    @Test
    void theToyIsSensitiveToLeaks() {
        // Group B's step alone, after a backward of group A's loss that nobody cleared: b would move.
        Batch batch = new Batch(manager.zeros(new Shape(1, 1)), null, null);
        new ParameterGroupStep(List.of(groupA())).step(batch, new NoiseSource(0), 1);
        new ParameterGroupStep(List.of(groupB())).step(batch, new NoiseSource(0), 1);
        float[] moved = b.getArray().toFloatArray();
        assertTrue(Math.abs(moved[0] - B0[0]) > 0.05, "a leaked gradient moves b: " + moved[0]);
    }

    @Test
    void refusesGroupsThatShareAParameterOrNoGroupAtAll() {
        ParameterGroup first = groupA();
        ParameterGroup again = new ParameterGroup("a again", new Adam(List.of(a, b), LEARNING_RATE),
                first.loss());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ParameterGroupStep(List.of(first, groupB(), again)));
        assertTrue(e.getMessage().contains("a again"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ParameterGroupStep(List.of()));
    }
}
