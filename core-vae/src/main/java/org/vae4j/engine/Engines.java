package org.vae4j.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts the DJL PyTorch engine the way vae4j needs it, once per JVM: offline (the native library comes
 * from the jar on the class path, never from a download), found through this library's own class loader
 * (Weka gives each package an isolating loader, which ServiceLoader would otherwise miss), and with one
 * inter-op thread (a VAE step is a chain of dependent operations; intra-op threads do the work).
 */
public final class Engines {

    private static final String ENGINE_NAME = "PyTorch";
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
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engines.class.getClassLoader());
        try {
            return Engine.getEngine(ENGINE_NAME);
        } catch (EngineException | IllegalArgumentException e) {
            throw new IllegalStateException("could not start the PyTorch engine offline: is the "
                    + "pytorch-native jar for this platform on the class path? (" + e.getMessage() + ")", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
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
