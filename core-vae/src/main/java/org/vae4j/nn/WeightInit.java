package org.vae4j.nn;

import java.util.Random;
import java.util.function.DoubleSupplier;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;

import org.vae4j.engine.NativeArrays;

/**
 * How the fully connected layers of the networks are initialised. The draws come from a seeded Java
 * generator, so the same seed gives the same network whatever else uses the engine's global generator.
 */
public enum WeightInit {
    /** Like {@code torch.nn.Linear}'s default: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    TORCH_UNIFORM,
    /**
     * He-normal weights N(0, 2 / fan_in) and zero biases, as PyTorch's {@code kaiming_normal_} with its
     * defaults gives (He et al. 2015); the initialisation of the VampPrior paper's networks.
     */
    HE_NORMAL;

    /**
     * Re-initialises the Linear layers of an initialised block, depth first, in child order; a
     * {@link SelfInitializing} block draws its own values from the same generator at its turn.
     */
    public void apply(Block block, Random random) {
        if (block instanceof SelfInitializing own) {
            own.drawParameters(random);
            return;
        }
        if (block instanceof Linear linear) {
            NDArray weight = linear.getParameters().get("weight").getArray();
            NDArray bias = linear.getParameters().contains("bias") ? linear.getParameters().get("bias").getArray()
                    : null;
            initialize(weight, bias, random);
            return;
        }
        block.getChildren().values().forEach(child -> apply(child, random));
    }

    /**
     * Draws one layer's weight (outputs, inputs) and bias (outputs, or null). A switch rather than
     * constant-specific bodies: the constants stay of the enum's own class, which Tribuo's provenance needs.
     */
    void initialize(NDArray weight, NDArray bias, Random random) {
        long fanIn = weight.getShape().get(1);
        switch (this) {
            case TORCH_UNIFORM -> {
                double bound = 1.0 / Math.sqrt(fanIn);
                fill(weight, () -> (random.nextDouble() * 2 - 1) * bound);
                if (bias != null) {
                    fill(bias, () -> (random.nextDouble() * 2 - 1) * bound);
                }
            }
            case HE_NORMAL -> {
                double std = Math.sqrt(2.0 / fanIn);
                fill(weight, () -> random.nextGaussian() * std);
                if (bias != null) {
                    fill(bias, () -> 0);
                }
            }
        }
    }

    /** Overwrites every element of {@code array} with an independent draw from U(-bound, bound). */
    public static void fillUniform(NDArray array, double bound, Random random) {
        fill(array, () -> (random.nextDouble() * 2 - 1) * bound);
    }

    private static void fill(NDArray array, DoubleSupplier draw) {
        float[] values = new float[Math.toIntExact(array.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) draw.getAsDouble();
        }
        NativeArrays.overwrite(array, values);
    }
}
