package org.vae4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.engine.Engines;

/** The gated layer, the log-variance clamp and He-normal initialisation against plain-Java computations. */
class GatedDenseTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static double dot(float[] weight, int row, int in, float[] x, int xRow) {
        double sum = 0;
        for (int j = 0; j < in; j++) {
            sum += (double) weight[row * in + j] * x[xRow * in + j];
        }
        return sum;
    }

    @Test
    void gatedLayerIsValueTimesSigmoidOfGate() {
        int in = 5;
        int out = 3;
        int rows = 4;
        GatedDense layer = new GatedDense(out);
        layer.setInitializer(Initializer.ZEROS, ai.djl.nn.Parameter.Type.WEIGHT);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, in));
        WeightInit.TORCH_UNIFORM.apply(layer, new Random(5));
        float[] w1 = layer.value().getParameters().get("weight").getArray().toFloatArray();
        float[] b1 = layer.value().getParameters().get("bias").getArray().toFloatArray();
        float[] w2 = layer.gate().getParameters().get("weight").getArray().toFloatArray();
        float[] b2 = layer.gate().getParameters().get("bias").getArray().toFloatArray();
        float[] x = new float[rows * in];
        Random random = new Random(8);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] got = layer.forward(new ParameterStore(manager, false),
                new NDList(manager.create(x, new Shape(rows, in))), false).singletonOrThrow().toFloatArray();
        assertEquals(rows * out, got.length);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < out; k++) {
                double value = dot(w1, k, in, x, r) + b1[k];
                double gate = dot(w2, k, in, x, r) + b2[k];
                double expected = value / (1 + Math.exp(-gate));
                assertEquals(expected, got[r * out + k], 1e-5, "row " + r + ", unit " + k);
            }
        }
    }

    @Test
    void clampLimitsOnlyTheLogVariances() {
        SequentialBlock block = new SequentialBlock().add(new LogVarianceClamp(2));
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        float[] got = block.forward(new ParameterStore(manager, false),
                new NDList(manager.create(new float[] {-9, 5, -9, 5}, new Shape(1, 4))), false)
                .singletonOrThrow().toFloatArray();
        // means -9 and 5 pass unchanged; log-variances -9 and 5 become -6 and 2
        assertArrayEquals(new float[] {-9, 5, -6, 2}, got);
    }

    @Test
    void heNormalDrawsWeightsWithVarianceTwoOverFanInAndZeroBiases() {
        SequentialBlock mlp = Mlp.of(List.of(300), 10, HiddenLayer.GATED);
        mlp.setInitializer(Initializer.ONES, ai.djl.nn.Parameter.Type.WEIGHT);
        mlp.setInitializer(Initializer.ONES, ai.djl.nn.Parameter.Type.BIAS);
        mlp.initialize(manager, DataType.FLOAT32, new Shape(1, 200));
        WeightInit.HE_NORMAL.apply(mlp, new Random(4));
        GatedDense gated = (GatedDense) mlp.getChildren().get(0).getValue();
        for (ai.djl.nn.core.Linear linear : List.of(gated.value(), gated.gate())) {
            float[] w = linear.getParameters().get("weight").getArray().toFloatArray();
            double sumSq = 0;
            for (float v : w) {
                sumSq += v * v;
            }
            assertEquals(2.0 / 200, sumSq / w.length, 0.05 * 2.0 / 200, "weight variance");
            for (float b : linear.getParameters().get("bias").getArray().toFloatArray()) {
                assertEquals(0f, b);
            }
        }
    }
}
