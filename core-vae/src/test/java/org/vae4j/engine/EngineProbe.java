package org.vae4j.engine;

import java.util.Locale;

import ai.djl.pytorch.jni.LibUtils;

/**
 * A fresh JVM for the engine tests that need one: {@code start} starts the engine and prints the JVM-wide
 * DJL properties afterwards, or the error; {@code openmp FILE} loads another OpenMP runtime first, then
 * prints which runtime the kernels joined and where the engine's library lives.
 */
final class EngineProbe {

    private EngineProbe() {}

    public static void main(String[] args) {
        switch (args[0].toLowerCase(Locale.ROOT)) {
            case "start" -> {
                try {
                    Engines.pytorch();
                    System.out.println("started offline=" + System.getProperty("ai.djl.offline") + " interop="
                            + System.getProperty("ai.djl.pytorch.num_interop_threads"));
                } catch (IllegalStateException e) {
                    System.out.println("error " + e.getMessage());
                }
            }
            case "openmp" -> {
                System.load(args[1]);
                Engines.pytorch();
                System.out.println("joined " + NativeKernels.engineOpenMpLibrary());
                System.out.println("engine " + LibUtils.getLibtorchPath());
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
