package org.vae4j.cli.progress;

/** Formats seconds as {@code 1:05:09} or {@code 4:07} for progress output. */
final class Durations {

    private Durations() {}

    static String format(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
