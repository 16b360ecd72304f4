package org.vae4j.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts the DJL PyTorch engine the way vae4j needs it, once per JVM, as a guest: it leaves no JVM-wide
 * property set, so another DJL user in the same JVM sees the engine as it configured it. When vae4j starts
 * the engine and the user has not chosen an inter-op thread count, it asks DJL for one inter-op thread
 * for the duration of the start only. The engine is found
 * through this library's own class loader (Weka gives each package an isolating loader, which ServiceLoader
 * would otherwise miss), and the native library must be there before it starts ({@link PyTorchNatives}:
 * a missing one gives one message naming the artifact to add, never a silent download).
 */
public final class Engines {

    private static final String ENGINE_NAME = "PyTorch";
    /**
     * DJL's setting of PyTorch's inter-op thread count. A VAE step is a chain of dependent operations, so
     * vae4j wants one inter-op thread (the intra-op threads do the work); with PyTorch's default, a pool per
     * core, training on 2 cores under load ran 4x slower.
     */
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private static volatile Engine engine;

    private Engines() {}

    /** The PyTorch engine, started on first use. */
    public static Engine pytorch() {
        Engine started = engine;
        if (started != null) {
            return started;
        }
        synchronized (Engines.class) {
            if (engine == null) {
                engine = start();
            }
            return engine;
        }
    }

    private static Engine start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engines.class.getClassLoader());
        boolean interopDefault = System.getProperty(INTEROP_THREADS) == null;
        try {
            PyTorchNatives.requireAvailable();
            if (interopDefault) {
                // DJL reads the inter-op thread count only while the engine starts, and PyTorch fixes it at
                // its first parallel work, so it can be given only now; the property is removed right after.
                System.setProperty(INTEROP_THREADS, "1");
            }
            return Engine.getEngine(ENGINE_NAME);
        } catch (EngineException | IllegalArgumentException e) {
            throw new IllegalStateException("could not start the PyTorch engine: " + e.getMessage(), e);
        } finally {
            if (interopDefault) {
                System.clearProperty(INTEROP_THREADS);
            }
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Resolves a device choice against the running engine.
     *
     * @throws DeviceUnavailableException for {@code GPU} when the engine sees no GPU, saying why
     */
    public static Device resolve(DeviceChoice choice) {
        Engine e = pytorch();
        int gpus = e.getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new DeviceUnavailableException("device gpu was requested but the PyTorch engine sees no GPU "
                            + "(engine " + e.getVersion() + "): this needs a CUDA machine and a build with the "
                            + "'cuda' Maven profile (pytorch-native-cu124); use device auto or cpu instead");
                }
                yield Device.gpu();
            }
        };
    }

    /**
     * Runs {@code body} with autograd recording switched off on this thread. PyTorch's grad mode is
     * per thread and DJL only switches it off on the thread that started the engine, so inference from
     * another thread (Tribuo's predict, Weka's GUI) would otherwise build graphs for nothing.
     */
    public static <T> T withoutGradients(java.util.function.Supplier<T> body) {
        pytorch();
        if (!JniUtils.isGradMode()) {
            return body.get();
        }
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
