package org.vae4j.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;

import org.vae4j.data.Table;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;

/**
 * A trained VAE that survives Java serialization, which Weka uses to copy filters and to save models
 * (FilteredClassifier {@code -d}/{@code -l}, the Explorer's copies). The native model is transient: it is
 * written as model-file bytes and rebuilt from them on first use after reading, so deserializing never
 * starts the engine by itself.
 */
public final class TrainedVae implements Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private transient Vae vae;
    private transient byte[] bytes;

    private TrainedVae(Vae vae) {
        this.vae = vae;
    }

    /**
     * Trains a VAE. Interrupting the calling thread stops training between steps.
     *
     * @param progress where to report each epoch, or null for silence
     * @throws InterruptedException if the thread was interrupted during training (the partial model is freed)
     */
    public static TrainedVae train(Table table, VaeConfig config, PrintStream progress) throws InterruptedException {
        TrainingListener listener = progress == null ? TrainingListener.NONE : new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                progress.printf("vae4j: epoch %d/%d, loss %.4f%n", report.epoch(), config.epochs(), report.trainLoss());
            }
        };
        Vae vae = new VaeTrainer(config).listener(listener).fit(table);
        if (vae.history().stopReason() == TrainingHistory.StopReason.CANCELLED) {
            vae.close();
            Thread.interrupted();
            throw new InterruptedException("VAE training was interrupted");
        }
        return new TrainedVae(vae);
    }

    /**
     * Reads a vae4j model file.
     *
     * @throws IOException if the file cannot be read or is not a vae4j model
     */
    public static TrainedVae load(Path file) throws IOException {
        return new TrainedVae(Vae.load(file));
    }

    /** The model, rebuilt from its bytes on first use after deserialization. */
    public synchronized Vae vae() {
        if (vae == null) {
            vae = Vae.fromBytes(bytes);
            bytes = null;
        }
        return vae;
    }

    /** Frees the native model; the holder cannot be used afterwards. */
    @Override
    public synchronized void close() {
        if (vae != null) {
            vae.close();
            vae = null;
        }
        bytes = null;
    }

    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] model = vae != null ? vae.toBytes() : bytes;
        if (model == null) {
            throw new IOException("the VAE was closed and cannot be serialized");
        }
        out.writeInt(model.length);
        out.write(model);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        bytes = new byte[in.readInt()];
        in.readFully(bytes);
    }
}
