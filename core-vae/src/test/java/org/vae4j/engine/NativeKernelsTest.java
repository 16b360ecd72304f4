package org.vae4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

/**
 * The native kernels load where the build made them, work on the arrays' own storage, compute Adam's
 * update as documented, and refuse buffers too small for the count they are given.
 */
class NativeKernelsTest {

    @Test
    void loadWhereTheBuildMadeThem() {
        // core-vae's pom sets this property when it compiled the kernels for this platform.
        assumeTrue(Boolean.getBoolean("vae4j.expectNativeKernels"), "this build made no kernels");
        assertTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        assertNull(NativeKernels.unavailableReason());
    }

    @Test
    void storageIsTheArrayItself() {
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            NDArray array = manager.create(new float[] {1, 2, 3});
            ByteBuffer storage = NativeKernels.storageOf(array).order(ByteOrder.nativeOrder());
            storage.putFloat(Float.BYTES, 20f);
            assertArrayEquals(new float[] {1, 20, 3}, array.toFloatArray());
        }
    }

    @Test
    void adamUpdateMovesAgainstTheGradientAndZeroesIt() {
        assumeTrue(NativeKernels.available(), NativeKernels.unavailableReason());
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            NDArray weight = manager.create(new float[] {1, 1, 3});
            NDArray gradient = manager.create(new float[] {2, -4, 1});
            NDArray mean = manager.create(new float[] {0, 0, 2});
            NDArray variance = manager.create(new float[] {0, 0, 32});
            NativeKernels.adamUpdate(NativeKernels.storageOf(weight), NativeKernels.storageOf(gradient),
                    NativeKernels.storageOf(mean), NativeKernels.storageOf(variance), 3, 0.5f, 0.25f, 1f, 0.1f);
            // M = 0.5 M + g; V = 0.25 V + g^2; w -= 0.1 M / (sqrt(V) + 1)
            assertArrayEquals(new float[] {2, -4, 2}, mean.toFloatArray());
            assertArrayEquals(new float[] {4, 16, 9}, variance.toFloatArray());
            assertArrayEquals(new float[] {1 - 0.1f * 2 / 3, 1 + 0.1f * 4 / 5, 3 - 0.1f * 2 / 4},
                    weight.toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {0, 0, 0}, gradient.toFloatArray());
        }
    }

    @Test
    void refusesBuffersShorterThanTheCount() {
        ByteBuffer small = ByteBuffer.allocateDirect(8);
        ByteBuffer big = ByteBuffer.allocateDirect(64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NativeKernels.adamUpdate(big, big, small, big, 3, 0.9f, 0.999f, 1e-8f, 1e-3f));
        assertTrue(e.getMessage().contains("3 floats"), e.getMessage());
    }

    @Test
    void namesPlatformsAsTheBuildDoes() {
        String platform = NativeKernels.platform();
        assertTrue(platform.matches("[a-z0-9]+-[a-z0-9_]+"), platform);
        if ("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))) {
            assertEquals("linux-x86_64", platform);
        }
    }
}
