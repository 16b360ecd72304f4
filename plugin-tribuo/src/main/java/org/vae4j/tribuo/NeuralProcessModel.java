package org.vae4j.tribuo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;
import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.preprocess.InputEncoding;

/**
 * A trained neural process seen from Tribuo: a {@code Model<Regressor>} whose predictions carry the predictive
 * mean and variance of every output dimension, with the training examples as context. Built by
 * {@link NeuralProcessTrainer}. Features unseen at training time are ignored and counted
 * ({@link #unseenFeatureCount()}); an example with no known feature is rejected.
 *
 * <p>The network lives in native memory: it is stored as model bytes, rebuilt lazily after Java or protobuf
 * deserialization, and freed by {@link #close()} (a later call rebuilds it). Calls are serialised on the model.
 */
public final class NeuralProcessModel extends Model<Regressor> implements AutoCloseable {
    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    private final byte[] regressorBytes;
    private final double[] means;
    private final double[] scales;
    private final LongAdder unseenFeatures = new LongAdder();
    private transient NeuralProcessRegressor regressor;

    /** A model around a freshly trained regressor, which it owns from now on. */
    NeuralProcessModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<Regressor> outputs, NeuralProcessRegressor trained, InputEncoding encoding) {
        this(name, provenance, features, outputs, trained.toBytes(), encoding.preprocessor().means(),
                encoding.preprocessor().scales());
        regressor = trained;
    }

    private NeuralProcessModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
            ImmutableOutputInfo<Regressor> outputs, byte[] regressorBytes, double[] means, double[] scales) {
        super(name, provenance, features, outputs, false);
        if (means.length != features.size() || scales.length != features.size()) {
            throw new IllegalArgumentException("a neural-process model needs one mean and scale per feature ("
                    + features.size() + "), got " + means.length + " and " + scales.length);
        }
        this.regressorBytes = regressorBytes;
        this.means = means;
        this.scales = scales;
    }

    /** How many features of predicted examples were ignored because training never saw them. */
    public long unseenFeatureCount() {
        return unseenFeatures.sum();
    }

    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        return innerPredict(List.of(example)).get(0);
    }

    /** Predicts all examples in one batched pass, with the predictive variance of every dimension. */
    @Override
    protected synchronized List<Prediction<Regressor>> innerPredict(Iterable<Example<Regressor>> examples) {
        if (regressor == null) {
            regressor = NeuralProcessRegressor.fromBytes(regressorBytes);
        }
        ExampleConverter converter = new ExampleConverter(featureIDMap, AbsentFeatures.ZERO, List.of(), List.of());
        List<Example<Regressor>> originals = new ArrayList<>();
        examples.forEach(originals::add);
        ExampleConverter.Rows rows = converter.toRows(originals, unseenFeatures);
        InputEncoding encoding = InputEncoding.of(converter.schema(), means, scales);
        org.vae4j.np.Prediction predicted = regressor.predict(encoding.encode(rows.table()));
        String[] names = Regressor.extractNames(outputIDInfo);
        List<Prediction<Regressor>> out = new ArrayList<>(originals.size());
        for (int i = 0; i < originals.size(); i++) {
            Regressor output = new Regressor(names, predicted.mean()[i], predicted.variance()[i]);
            out.add(new Prediction<>(output, rows.knownFeatures()[i], originals.get(i)));
        }
        return out;
    }

    /** A neural process has no per-feature importances: empty. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /** Not supported: empty. */
    @Override
    public Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        return Optional.empty();
    }

    @Override
    public ModelProto serialize() {
        Any data = ProtoMessage.builder(ProtoMessage.NEURAL_PROCESS_MODEL)
                .bytes("metadata", createDataCarrier().serialize().toByteString())
                .bytes("regressor", regressorBytes)
                .bytes("means", toBytes(means))
                .bytes("scales", toBytes(scales))
                .pack();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(NeuralProcessModel.class.getName())
                .setSerializedData(data).build();
    }

    /**
     * Rebuilds a model from the protobuf written by {@link #serialize()}; called by Tribuo's
     * {@code ProtoUtil.deserialize}.
     *
     * @throws InvalidProtocolBufferException if the message is not a vae4j neural-process model
     * @throws IllegalArgumentException for an unknown version or inconsistent contents
     */
    public static NeuralProcessModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        ProtoMessage.checkVersion(version, CURRENT_VERSION);
        ProtoMessage proto = ProtoMessage.unpack(message, ProtoMessage.NEURAL_PROCESS_MODEL);
        ModelDataCarrier<?> carrier = proto.regressorMetadata();
        return new NeuralProcessModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                ProtoMessage.regressorDomain(carrier),
                proto.bytes("regressor"), toDoubles(proto.bytes("means")), toDoubles(proto.bytes("scales")));
    }

    @Override
    protected NeuralProcessModel copy(String newName, ModelProvenance newProvenance) {
        return new NeuralProcessModel(newName, newProvenance, featureIDMap, outputIDInfo, regressorBytes, means,
                scales);
    }

    private static byte[] toBytes(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }

    private static double[] toDoubles(byte[] bytes) {
        if (bytes.length % Double.BYTES != 0) {
            throw new IllegalArgumentException("Invalid protobuf, " + bytes.length + " bytes are not whole doubles");
        }
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    /** Frees the native network; a later call rebuilds it from the stored bytes. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (regressor != null) {
            regressor.close();
            regressor = null;
        }
    }
}
