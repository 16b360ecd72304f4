package org.vae4j.engine;

/**
 * The requested device cannot be used here (a GPU on a machine, or a build, without one). The message says
 * why and what to do instead.
 */
public final class DeviceUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message saying why the device is unavailable. */
    public DeviceUnavailableException(String message) {
        super(message);
    }
}
