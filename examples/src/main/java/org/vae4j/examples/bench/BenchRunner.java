package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.Engine;

import org.vae4j.engine.Engines;

/**
 * What every benchmark program does around its measurement: parse the options (a bad one prints the
 * reason and the usage, and exits with status 2), and a few shared helpers (medians, the version text).
 */
public final class BenchRunner {

    /** A benchmark body, given its parsed options. */
    @FunctionalInterface
    public interface Body {
        /** Runs the measurement and prints its lines. */
        void run(BenchOptions options) throws Exception;
    }

    private BenchRunner() {}

    /** Parses {@code args} against {@code options} and runs {@code body}; exits 2 on a bad option. */
    public static void run(BenchOptions options, String[] args, Body body) throws Exception {
        options.flag("--help", "print the options and exit");
        try {
            options.parse(args);
            if (options.flag("--help")) {
                System.out.print(options.usage());
                return;
            }
        } catch (IllegalArgumentException e) {
            fail(options, e);
            return;
        }
        try {
            body.run(options);
        } catch (IllegalArgumentException e) {
            // Option values are checked when the body reads them; report those the same way.
            fail(options, e);
        }
    }

    private static void fail(BenchOptions options, IllegalArgumentException e) {
        System.err.println("error: " + e.getMessage());
        System.err.print(options.usage());
        System.exit(2);
    }

    /** The median of some values (the mean of the middle two for an even count). */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** The mean of some values. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("mean of no values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The standard error of the mean of some values: their sample standard deviation over the root of their count. */
    public static double standardError(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("standard error of fewer than 2 values");
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1) / values.length);
    }

    /** {@code djl=<version> pytorch=<version>}, starting the engine if it is not yet running. */
    public static String versions() {
        return "djl=" + Engine.getDjlVersion() + " pytorch=" + Engines.pytorch().getVersion();
    }
}
