package org.vae4j.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vae4j.cli.data.TextFile;
import org.vae4j.cli.progress.StepLog;
import org.vae4j.engine.NativeKernels;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.vae.Vae;

/**
 * The JSON report of a training run: what was trained on what, how long it took and how well it fits.
 * Callers add their own measurements (test ELBO, log-likelihood) with {@link #put}.
 */
public final class TrainingReport {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /**
     * The standard fields of a trained model.
     *
     * @param wallSeconds wall time of the whole fit, evaluation of the validation split included
     * @param steps the steps of the fit, for the speed of a run stopped before its first epoch ended
     */
    public TrainingReport(Vae vae, double wallSeconds, StepLog steps) {
        TrainingHistory history = vae.history();
        double trainSeconds = history.epochs().stream().mapToDouble(EpochReport::seconds).sum();
        double rowsSeen = history.epochs().stream().mapToDouble(e -> e.samplesPerSecond() * e.seconds()).sum();
        fields.put("device", vae.device());
        fields.put("native_kernels", NativeKernels.available());
        if (!NativeKernels.available()) {
            fields.put("native_kernels_off_because", NativeKernels.unavailableReason());
        }
        fields.put("parameters", vae.parameterCount());
        fields.put("latent_dim", vae.latentDim());
        fields.put("columns", vae.schema().width());
        fields.put("conditional", vae.isConditional());
        fields.put("epochs", history.epochs().size());
        fields.put("best_epoch", history.bestEpoch());
        fields.put("stop_reason", history.stopReason().name());
        fields.put("seconds", wallSeconds);
        fields.put("train_seconds", trainSeconds);
        fields.put("samples_per_second", trainSeconds > 0 ? rowsSeen / trainSeconds : steps.samplesPerSecond());
        fields.put("config", vae.config().toMap());
        fields.put("history", history(history));
    }

    /** Adds or replaces a field (placed before the config and history when new). */
    public TrainingReport put(String key, Object value) {
        Object config = fields.remove("config");
        Object history = fields.remove("history");
        fields.put(key, value);
        fields.put("config", config);
        fields.put("history", history);
        return this;
    }

    /** Writes the report as JSON atomically, creating parent folders. */
    public void write(Path file) throws IOException {
        String json = Json.write(fields);
        TextFile.write(file, out -> out.write(json));
    }

    private static List<Map<String, Object>> history(TrainingHistory history) {
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochReport e : history.epochs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("train_loss", e.trainLoss());
            m.put("validation_elbo", e.validationElbo());
            m.put("beta", e.beta());
            m.put("seconds", e.seconds());
            m.put("samples_per_second", e.samplesPerSecond());
            if (!e.statistics().isEmpty()) {
                m.put("procedure_statistics", e.statistics());
            }
            epochs.add(m);
        }
        return epochs;
    }
}
