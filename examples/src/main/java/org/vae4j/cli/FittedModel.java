package org.vae4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.vae4j.cli.progress.StepLog;
import org.vae4j.data.Table;
import org.vae4j.engine.NativeKernels;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;

/**
 * A model trained by a command, and how long training took.
 * Closing it frees the model.
 *
 * @param vae the trained model (the best epoch's parameters)
 * @param seconds wall time of the fit
 * @param steps the loss of every step
 */
record FittedModel(Vae vae, double seconds, StepLog steps) implements AutoCloseable {

    /**
     * Trains, or resumes training, and says on {@code err} how training ended.
     *
     * @param checkpoint where to write a checkpoint after every epoch, or null for none
     * @param resume the checkpoint to continue training from, or null to start afresh
     * @param listener shows progress and may stop training
     * @throws IOException if the checkpoint to resume from cannot be read or one cannot be written
     */
    static FittedModel fit(VaeConfig config, Table table, Path checkpoint, Path resume, TrainingListener listener,
            PrintWriter err) throws IOException {
        long start = System.nanoTime();
        StepLog steps = new StepLog();
        VaeTrainer trainer = new VaeTrainer(config).listener(steps.around(listener));
        if (checkpoint != null) {
            trainer.checkpoint(checkpoint);
        }
        Vae vae = resume == null ? trainer.fit(table) : trainer.resume(resume, table);
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingHistory history = vae.history();
        String how = switch (history.stopReason()) {
            case COMPLETED -> "finished";
            case EARLY_STOPPED -> "stopped early (validation ELBO no longer improving)";
            case CANCELLED -> "stopped on request";
        };
        err.printf("training %s after %d epochs in %.1f s on %s; the model holds epoch %d%n", how,
                history.epochs().size(), seconds, vae.device(), history.bestEpoch());
        if (!NativeKernels.available()) {
            err.printf("(without vae4j's native kernels, so slower: %s)%n", NativeKernels.unavailableReason());
        }
        err.flush();
        return new FittedModel(vae, seconds, steps);
    }

    @Override
    public void close() {
        vae.close();
    }
}
