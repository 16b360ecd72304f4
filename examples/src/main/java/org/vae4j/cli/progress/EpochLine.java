package org.vae4j.cli.progress;

import org.vae4j.vae.EpochReport;

/** The one-line summary of a finished epoch, shared by the terminal and log displays and the benchmarks. */
public final class EpochLine {

    private EpochLine() {}

    public static String format(EpochReport r, int epochs) {
        String validation = Double.isNaN(r.validationElbo()) ? ""
                : String.format(" validation_elbo=%.3f", r.validationElbo());
        return String.format("epoch %d/%d train_loss=%.3f%s beta=%.3g seconds=%.2f samples_per_sec=%.0f%s", r.epoch(),
                epochs, r.trainLoss(), validation, r.beta(), r.seconds(), r.samplesPerSecond(), statistics(r));
    }

    /** The training procedure's own figures (the coupled chains' meeting times, say) as {@code " name=value"}s. */
    public static String statistics(EpochReport r) {
        StringBuilder s = new StringBuilder();
        r.statistics().forEach((name, value) -> s.append(String.format(" %s=%.4g", name, value)));
        return s.toString();
    }
}
