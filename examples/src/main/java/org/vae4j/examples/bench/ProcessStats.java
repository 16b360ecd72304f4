package org.vae4j.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this process costs, read the same way the Python reference reads it: resident memory (VmRSS) and
 * its high-water mark (VmHWM) from /proc/self/status, the time since the JVM started, and the CPU time of all
 * its threads (the native engine's included).
 */
public final class ProcessStats {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessStats() {}

    /** Current resident set size in MiB. */
    public static long rssMib() {
        return statusMib("VmRSS");
    }

    /** Peak resident set size so far in MiB. */
    public static long peakRssMib() {
        return statusMib("VmHWM");
    }

    /** Milliseconds since the JVM was launched (the runtime's own start time, not this class's loading). */
    public static long millisSinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** CPU time of all this process's threads so far, in nanoseconds. */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long statusMib(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS + " (benchmarks need Linux /proc)", e);
        }
        throw new IllegalStateException(STATUS + " has no " + key + " line");
    }
}
