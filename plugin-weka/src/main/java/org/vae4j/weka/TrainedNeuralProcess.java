package org.vae4j.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.np.Prediction;
import org.vae4j.options.OptionValues;
import org.vae4j.preprocess.InputEncoding;

import weka.core.Instances;

/**
 * A neural-process regressor trained on Weka instances, with the map from instances to its inputs, that
 * survives Java serialization (which Weka uses to save models and to copy classifiers). The attributes but the
 * class become inputs as {@link InputEncoding} makes them (missing values at the training mean, nominal values
 * one-hot); the class is the one output. The native regressor is transient: it is written as its bytes and
 * rebuilt from them on first use after reading, so deserializing never starts the engine by itself.
 */
public final class TrainedNeuralProcess implements Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final InstancesSchema schema;
    private final double[] means;
    private final double[] scales;
    private transient InputEncoding encoding;
    private transient NeuralProcessRegressor regressor;
    private transient byte[] bytes;

    private TrainedNeuralProcess(InstancesSchema schema, InputEncoding encoding, NeuralProcessRegressor regressor) {
        this.schema = schema;
        this.encoding = encoding;
        this.means = encoding.preprocessor().means();
        this.scales = encoding.preprocessor().scales();
        this.regressor = regressor;
    }

    /**
     * Trains on the rows of {@code data} whose class is known.
     *
     * @throws IllegalArgumentException if no row has a known class, or a value does not fit (naming row and
     *     attribute)
     */
    public static TrainedNeuralProcess train(Instances data, OptionValues options) {
        InstancesSchema schema = InstancesSchema.unconditional(data);
        Instances known = new Instances(data);
        known.deleteWithMissingClass();
        if (known.numInstances() == 0) {
            throw new IllegalArgumentException("no training row has a known class '"
                    + data.classAttribute().name() + "': nothing to learn from");
        }
        InputEncoding encoding = InputEncoding.fit(schema.trainingTable(known));
        double[][] x = encoding.encode(schema.trainingTable(known));
        double[][] y = new double[known.numInstances()][1];
        for (int r = 0; r < y.length; r++) {
            y[r][0] = known.instance(r).classValue();
        }
        return new TrainedNeuralProcess(schema, encoding, NeuralProcessRegressor.fit(x, y, options));
    }

    /**
     * The predictive distribution of the class of each row, with the training rows as context.
     *
     * @param firstRowNumber the number users know the first row by, used in messages
     * @throws IllegalArgumentException naming the row and attribute of a value that does not fit the training data
     */
    public synchronized Prediction predict(Instances rows, int firstRowNumber) {
        if (regressor == null) {
            regressor = NeuralProcessRegressor.fromBytes(bytes);
            encoding = InputEncoding.of(schema.schema(), means, scales);
            bytes = null;
        }
        return regressor.predict(encoding.encode(schema.toTable(rows, firstRowNumber)));
    }

    /** Frees the native regressor; the holder cannot be used afterwards. */
    @Override
    public synchronized void close() {
        if (regressor != null) {
            regressor.close();
            regressor = null;
        }
        bytes = null;
    }

    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        byte[] model = regressor != null ? regressor.toBytes() : bytes;
        if (model == null) {
            throw new IOException("the neural process was closed and cannot be serialized");
        }
        out.writeInt(model.length);
        out.write(model);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt neural-process model: negative length " + length);
        }
        bytes = new byte[length];
        in.readFully(bytes);
    }
}
