package org.vae4j.nn;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;

import org.vae4j.engine.NativeArrays;

/**
 * Re-initialises every {@link Linear} layer in a block tree like {@code torch.nn.Linear}: weights and
 * biases drawn from U(-1/sqrt(fan_in), 1/sqrt(fan_in)). The draws come from a seeded Java generator, so
 * the same seed gives the same network whatever else uses the engine's global generator.
 */
public final class TorchStyleInit {

    private TorchStyleInit() {}

    /**
     * Re-initialises the Linear layers of an initialised block, depth first, in child order; a
     * {@link SelfInitializing} block draws its own values from the same generator at its turn.
     */
    public static void apply(Block block, Random random) {
        if (block instanceof SelfInitializing own) {
            own.drawParameters(random);
            return;
        }
        if (block instanceof Linear linear) {
            NDArray weight = linear.getParameters().get("weight").getArray();
            long fanIn = weight.getShape().get(1);
            double bound = 1.0 / Math.sqrt(fanIn);
            fill(weight, bound, random);
            if (linear.getParameters().contains("bias")) {
                fill(linear.getParameters().get("bias").getArray(), bound, random);
            }
            return;
        }
        block.getChildren().values().forEach(child -> apply(child, random));
    }

    /** Overwrites every element of {@code array} with an independent draw from U(-bound, bound). */
    public static void fill(NDArray array, double bound, Random random) {
        float[] values = new float[Math.toIntExact(array.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        NativeArrays.overwrite(array, values);
    }
}
