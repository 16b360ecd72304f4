package org.vae4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.junit.jupiter.api.Test;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeKernels;

/**
 * The sparse-input forward pass gives the network's own output, on sparse and dense inputs, whichever way
 * (kernel or dense product) its measurement chose for each, and it records that choice.
 */
class SparseInputForwardTest {

    @Test
    void matchesTheNetworkOnSparseAndDenseInputs() {
        assumeTrue(NativeKernels.sparseLinearAvailable(), "needs the kernels and AVX-512");
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            Engines.withoutGradients(() -> {
                Block network = Mlp.of(List.of(150, 24), 6);
                network.setInitializer(Initializer.ONES, ai.djl.nn.Parameter.Type.WEIGHT);
                network.initialize(manager, DataType.FLOAT32, new Shape(1, 70));
                WeightInit.TORCH_UNIFORM.apply(network, new Random(3));
                ParameterStore parameters = new ParameterStore(manager, false);
                NDArray mask = manager.randomUniform(0, 1, new Shape(200, 70)).lt(0.3f).toType(DataType.FLOAT32, false);
                NDArray sparse = manager.randomNormal(new Shape(200, 70)).mul(mask);
                NDArray dense = manager.randomUniform(0.5f, 1f, new Shape(200, 70));
                Optional<SparseInputForward> forward = SparseInputForward.of(network, parameters, manager);
                assertTrue(forward.isPresent(), "a perceptron on CPU floats is served");
                try (SparseInputForward f = forward.get()) {
                    for (NDArray input : List.of(sparse, dense)) {
                        float[] expected = network.forward(parameters, new NDList(input), false).singletonOrThrow()
                                .toFloatArray();
                        for (int call = 0; call < 2; call++) { // the measured call, then the chosen way alone
                            float[] actual = f.forward(input).toFloatArray();
                            assertEquals(expected.length, actual.length);
                            for (int i = 0; i < expected.length; i++) {
                                assertEquals(expected[i], actual[i], 1e-4f * (1 + Math.abs(expected[i])), "output " + i);
                            }
                        }
                    }
                    assertNotNull(SparseInputForward.choiceFor(new SparseInputForward.LayerWork(70, 150, 3)),
                            "the sparse input's kind of work was measured");
                    assertNotNull(SparseInputForward.choiceFor(new SparseInputForward.LayerWork(70, 150, 10)),
                            "the dense input's kind of work was measured");
                }
                return null;
            });
        }
    }
}
