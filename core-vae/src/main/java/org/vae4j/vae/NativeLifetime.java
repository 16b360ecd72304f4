package org.vae4j.vae;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import ai.djl.ndarray.NDManager;

/**
 * The lifetime of a model's native parameters (a {@link Vae}'s, a neural process's): the manager that owns
 * them is freed exactly once, by {@link #close()} or, for a model nobody closed (Tribuo's cross-validation
 * folds and ensemble members are never closed), by a {@link Cleaner} once no model refers to this object
 * any more.
 *
 * <p>Native work holds a {@link Lease} for its whole duration. Freeing takes the same lock exclusively,
 * so it waits for the work in flight; work that starts afterwards fails with an
 * {@link IllegalStateException} instead of reading freed memory (which crashes the JVM or returns
 * garbage).
 */
public final class NativeLifetime {

    /** One daemon thread for all models, started with the first one. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(work -> new Thread(work, "vae4j-native-cleaner"));
    }

    private final Release release;
    private final Cleaner.Cleanable cleanable;

    NativeLifetime(NDManager manager) {
        this(manager, "VAE");
    }

    /**
     * The lifetime of the parameters {@code manager} owns, from now on.
     *
     * @param model what the parameters belong to, as messages about a closed model name it ("neural process")
     */
    public NativeLifetime(NDManager manager, String model) {
        release = new Release(manager, model);
        cleanable = Holder.CLEANER.register(this, release);
    }

    /** The manager that owns the parameters. */
    public NDManager manager() {
        return release.manager;
    }

    /**
     * A share in the native parameters, to hold while working on them (several at once are fine).
     *
     * @throws IllegalStateException if they have been freed
     */
    public Lease lease() {
        Lock shared = release.lock.readLock();
        shared.lock();
        if (release.freed) {
            shared.unlock();
            throw new IllegalStateException("this " + release.model + " has been closed: its native parameters "
                    + "are freed (load the model again to use it)");
        }
        return shared::unlock;
    }

    /**
     * Frees the parameters once the calls in flight are done; when it returns they are freed, even if
     * another thread's close did the work. Later calls do nothing.
     */
    public void close() {
        release.run();
        cleanable.clean();
    }

    /** Held while working on the native parameters; closing it gives the share back. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** The cleaning action: it must not refer to the {@link NativeLifetime} or the model. */
    private static final class Release implements Runnable {
        private final NDManager manager;
        private final String model;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean freed;

        Release(NDManager manager, String model) {
            this.manager = manager;
            this.model = model;
        }

        @Override
        public void run() {
            Lock exclusive = lock.writeLock();
            exclusive.lock();
            try {
                if (!freed) {
                    freed = true;
                    manager.close();
                }
            } finally {
                exclusive.unlock();
            }
        }
    }
}
