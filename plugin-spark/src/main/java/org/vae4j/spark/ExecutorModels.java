package org.vae4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.broadcast.Broadcast;
import org.vae4j.vae.Vae;

/**
 * The models loaded in this JVM (an executor, or the driver in local mode), one per broadcast: the first
 * task that needs a model loads it from the broadcast model-file bytes, and every later task of any job
 * reuses it. At most {@value #CAPACITY} are kept; an evicted model is not closed (a task may still use it)
 * but left to the collector, which frees its native memory once no task holds it.
 */
final class ExecutorModels {

    private static final int CAPACITY = 4;

    private static final Map<Long, Vae> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Vae> eldest) {
            return size() > CAPACITY;
        }
    };

    private ExecutorModels() {}

    /** The model of {@code bytes}, loaded on first use in this JVM. */
    static Vae of(Broadcast<byte[]> bytes) {
        synchronized (MODELS) {
            return MODELS.computeIfAbsent(bytes.id(), id -> Vae.fromBytes(bytes.value()));
        }
    }
}
