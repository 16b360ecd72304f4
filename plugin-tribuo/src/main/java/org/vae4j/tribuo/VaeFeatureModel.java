package org.vae4j.tribuo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.MutableRegressionInfo;
import org.vae4j.data.Column;
import org.vae4j.data.Table;
import org.vae4j.oversample.Oversampler;
import org.vae4j.vae.LatentTraversal;
import org.vae4j.vae.Posterior;
import org.vae4j.vae.RowSeeds;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.vae.TraversalGrid;
import org.vae4j.vae.Vae;

/**
 * A trained VAE seen from Tribuo: it maps examples in the original feature space to latent features, and
 * back. Built by {@link VaeFeatureTrainer}.
 * <ul>
 *   <li>{@link #transform} turns examples (or a whole dataset) into examples with the latent features
 *       {@code z000, z001, ...} (posterior means, and with {@code includeStd} also {@code z000_std, ...}),
 *       keeping each example's output, weight and metadata;</li>
 *   <li>as a {@code Model<Regressor>} it predicts the latent vector with the posterior variances, so
 *       Tribuo's regression evaluation and tooling can consume it;</li>
 *   <li>{@link #generate} draws synthetic examples from the prior in the original features and units
 *       (for a conditional model, for a given label or following the training label frequencies; for a
 *       model of a regression target, each with a {@link Regressor} target drawn with its features);</li>
 *   <li>{@link #reconstruct} and {@link #anomalyScores} denoise examples and score how unlikely they are;</li>
 *   <li>{@link #traverse} decodes an example's code with each latent dimension in turn swept over a range, to
 *       see what each dimension encodes.</li>
 * </ul>
 * Features unseen at training time are ignored and counted ({@link #unseenFeatureCount()}); absent
 * features follow {@link AbsentFeatures}; an example with no known feature is rejected. The network computes
 * in floats: values it writes (generated, reconstructed, traversed) are the shortest decimals of those floats,
 * so data that came as decimals of up to seven significant digits keep their values and bounds exactly. Every batch call
 * runs one batched forward pass, and all calls may come from many threads at once.
 *
 * <p>The network lives in native memory: it is stored as model-file bytes, rebuilt lazily after Java or
 * protobuf deserialization, and freed by {@link #close()} (a later call rebuilds it). Close waits for the
 * calls in flight and may come from any thread at any time; calls made meanwhile wait and then rebuild.
 * A model that is never closed (Tribuo's cross-validation and ensembles never close theirs) frees its
 * native memory once it is unreachable.
 */
public final class VaeFeatureModel extends Model<Regressor> implements AutoCloseable {
    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    /** Metadata key set to {@code "true"} on every generated (synthetic) example. */
    public static final String SYNTHETIC_METADATA_KEY = "vae4j.synthetic";

    /** Metadata key holding the latent dimension (from 0) a traversed example sweeps. */
    public static final String TRAVERSAL_DIMENSION_KEY = "vae4j.traversal.dimension";

    /** Metadata key holding the value of the swept dimension of a traversed example. */
    public static final String TRAVERSAL_VALUE_KEY = "vae4j.traversal.value";

    /** Suffix of the standard-deviation features written when {@code includeStd} is on. */
    public static final String STD_SUFFIX = "_std";

    private final byte[] vaeBytes;
    private final boolean includeStd;
    private final AbsentFeatures absentFeatures;
    private final LongAdder unseenFeatures = new LongAdder();
    private transient volatile Engine engine;
    /** Calls share it while they use the engine; {@link #close()} takes it exclusively. */
    private final ReentrantReadWriteLock engineLock = new ReentrantReadWriteLock();

    /** The live network and the example conversion that goes with it. */
    private record Engine(Vae vae, ExampleConverter converter, String[] latentNames) {}

    /** A model around a freshly trained VAE, which it keeps live and owns from now on. */
    VaeFeatureModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap, Vae trained,
            boolean includeStd, AbsentFeatures absentFeatures) {
        this(name, provenance, featureIDMap, latentOutputInfo(trained.latentDim()), trained.toBytes(), includeStd,
                absentFeatures);
        engine = engineFor(trained);
    }

    private VaeFeatureModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
            ImmutableOutputInfo<Regressor> latentInfo, byte[] vaeBytes, boolean includeStd,
            AbsentFeatures absentFeatures) {
        super(name, provenance, featureIDMap, latentInfo, false);
        this.vaeBytes = vaeBytes;
        this.includeStd = includeStd;
        this.absentFeatures = absentFeatures;
    }

    /** The Regressor domain of the latent vector: one dimension per latent, named {@code z000, ...}. */
    private static ImmutableOutputInfo<Regressor> latentOutputInfo(int latentDim) {
        MutableRegressionInfo info = (MutableRegressionInfo) new RegressionFactory().generateInfo();
        info.observe(new Regressor(latentNames(latentDim), new double[latentDim]));
        return info.generateImmutableOutputInfo();
    }

    /**
     * Latent feature names {@code z000, z001, ...}, zero-padded so that their string order (which orders
     * Tribuo's feature ids and Regressor dimensions) is their numeric order.
     */
    static String[] latentNames(int latentDim) {
        int digits = Math.max(3, Integer.toString(latentDim - 1).length());
        String[] names = new String[latentDim];
        for (int j = 0; j < latentDim; j++) {
            names[j] = String.format("z%0" + digits + "d", j);
        }
        return names;
    }

    private Engine engineFor(Vae vae) {
        List<String> levels = vae.schema().condition().map(Column::levels).orElse(List.of());
        return new Engine(vae, new ExampleConverter(featureIDMap, absentFeatures, levels, targetNamesOf(vae)),
                latentNames(vae.latentDim()));
    }

    /**
     * The names of the VAE's columns after the features: the regression dimensions it models.
     *
     * @throws IllegalArgumentException if its first columns are not the features of the feature map, in order
     */
    private List<String> targetNamesOf(Vae vae) {
        List<String> columns = vae.schema().features().stream().map(Column::name).toList();
        for (int id = 0; id < featureIDMap.size(); id++) {
            String feature = featureIDMap.get(id).getName();
            if (id >= columns.size() || !columns.get(id).equals(feature)) {
                throw new IllegalArgumentException("the VAE does not match the model's features: feature " + id
                        + " is '" + feature + "' but the VAE's column " + id + " is "
                        + (id < columns.size() ? "'" + columns.get(id) + "'" : "absent"));
            }
        }
        return columns.subList(featureIDMap.size(), columns.size());
    }

    /** Runs {@code work} on the engine, built if need be, which cannot be closed until it returns. */
    private <R> R withEngine(Function<Engine, R> work) {
        Lock shared = engineLock.readLock();
        shared.lock();
        try {
            return work.apply(engine());
        } finally {
            shared.unlock();
        }
    }

    /** The engine, built if need be; call while holding the engine lock. */
    private Engine engine() {
        Engine current = engine;
        if (current == null) {
            synchronized (this) {
                current = engine;
                if (current == null) {
                    current = engineFor(Vae.fromBytes(vaeBytes));
                    engine = current;
                }
            }
        }
        return current;
    }

    /** Number of latent dimensions. */
    public int latentDim() {
        return withEngine(e -> e.vae().latentDim());
    }

    /** Whether the VAE is conditioned on the label (then every example it encodes needs a known label). */
    public boolean isConditional() {
        return withEngine(e -> e.vae().isConditional());
    }

    /** The labels a conditional model was trained on, in condition-level order (empty if unconditional). */
    public List<String> conditionLabels() {
        return withEngine(e -> e.vae().schema().condition().map(Column::levels).orElse(List.of()));
    }

    /** The regression dimensions the VAE models as columns, in name order (empty if it does not model a target). */
    public List<String> targetNames() {
        return withEngine(e -> List.of(e.converter().targetNames()));
    }

    /** The names of the features {@link #transform} writes. */
    public List<String> latentFeatureNames() {
        return withEngine(e -> List.of(outputNames(e)));
    }

    /**
     * The VAE's training record: a report per epoch (loss, ELBO, samples per second and the figures the
     * training procedure measured, such as the coupled chains' meeting times), the epoch kept and why training
     * ended. It travels with the model through both serializations.
     */
    public TrainingHistory trainingHistory() {
        return withEngine(e -> e.vae().history());
    }

    /** How many features of encoded examples were ignored because training never saw them. */
    public long unseenFeatureCount() {
        return unseenFeatures.sum();
    }

    /** The VAE as model-file bytes (readable by {@code org.vae4j.vae.Vae.fromBytes}). */
    public byte[] vaeBytes() {
        return vaeBytes.clone();
    }

    /** The latent features of one example; its output, weight and metadata are kept. */
    public <T extends Output<T>> Example<T> transform(Example<T> example) {
        return transform(List.of(example)).get(0);
    }

    /** The latent features of each example, in one batched pass. */
    public <T extends Output<T>> List<Example<T>> transform(Iterable<Example<T>> examples) {
        return withEngine(e -> {
            List<Example<T>> originals = listOf(examples);
            Table table = e.converter().toRows(originals, unseenFeatures).table();
            double[][] features = includeStd ? e.vae().encode(table).meansThenStds() : e.vae().encodeMeans(table);
            String[] names = outputNames(e);
            List<Example<T>> out = new ArrayList<>(originals.size());
            for (int i = 0; i < originals.size(); i++) {
                Example<T> original = originals.get(i);
                out.add(ExampleConverter.example(original.getOutput(), original.getWeight(), original.getMetadata(),
                        names, features[i]));
            }
            return out;
        });
    }

    /**
     * A new dataset of the latent features of every example, with the same output factory. Its source
     * provenance is the input dataset's provenance, so the chain back to the raw data is kept.
     */
    public <T extends Output<T>> MutableDataset<T> transform(Dataset<T> dataset) {
        MutableDataset<T> out = new MutableDataset<>(dataset.getProvenance(), dataset.getOutputFactory());
        out.addAll(transform((Iterable<Example<T>>) dataset));
        return out;
    }

    private String[] outputNames(Engine e) {
        String[] means = e.latentNames();
        if (!includeStd) {
            return means.clone();
        }
        String[] names = new String[means.length * 2];
        for (int j = 0; j < means.length; j++) {
            names[j] = means[j];
            names[means.length + j] = means[j] + STD_SUFFIX;
        }
        return names;
    }

    /**
     * Each example encoded to its posterior mean and decoded: a denoised copy (absent features treated as
     * missing are filled in), with the output, weight and metadata kept.
     */
    public <T extends Output<T>> List<Example<T>> reconstruct(Iterable<Example<T>> examples) {
        return withEngine(e -> {
            List<Example<T>> originals = listOf(examples);
            Table decoded = e.vae().reconstruct(e.converter().toRows(originals, unseenFeatures).table());
            String[] names = e.converter().featureNames();
            List<Example<T>> out = new ArrayList<>(originals.size());
            for (int i = 0; i < originals.size(); i++) {
                Example<T> original = originals.get(i);
                out.add(ExampleConverter.example(original.getOutput(), original.getWeight(), original.getMetadata(),
                        names, e.converter().features(decoded.decimalRow(i))));
            }
            return out;
        });
    }

    /**
     * The latent traversals of an example: its posterior mean decoded with each latent dimension in turn set to
     * {@code steps} evenly spaced values from {@code from} to {@code to}, the other dimensions held (and, for a
     * conditional model, the example's own label). Element d of the result holds dimension d's examples, one per
     * step, in the original features and units, each with the example's output and weight and with
     * {@link #TRAVERSAL_DIMENSION_KEY} and {@link #TRAVERSAL_VALUE_KEY} in its metadata.
     *
     * @throws IllegalArgumentException when the range is not finite and increasing, there are fewer than 2
     *     steps, or a conditional model is given an example without a known label
     */
    public <T extends Output<T>> List<List<Example<T>>> traverse(Example<T> example, double from, double to,
            int steps) {
        TraversalGrid grid = new TraversalGrid(from, to, steps);
        return withEngine(e -> {
            Table row = e.converter().toRows(List.of(example), unseenFeatures).table();
            LatentTraversal traversal = e.vae().traverse(row, 0, grid);
            double[] values = grid.values();
            String[] names = e.converter().featureNames();
            List<List<Example<T>>> out = new ArrayList<>(traversal.dimensions());
            for (int d = 0; d < traversal.dimensions(); d++) {
                Table rows = traversal.rows(d);
                List<Example<T>> sweep = new ArrayList<>(steps);
                for (int s = 0; s < steps; s++) {
                    Map<String, Object> metadata = Map.of(TRAVERSAL_DIMENSION_KEY, Integer.toString(d),
                            TRAVERSAL_VALUE_KEY, Double.toString(values[s]));
                    sweep.add(ExampleConverter.example(example.getOutput(), example.getWeight(), metadata, names,
                            e.converter().features(rows.decimalRow(s))));
                }
                out.add(sweep);
            }
            return out;
        });
    }

    /**
     * Whether {@link #anomalyScores} are negative log-densities. False when numeric features use the
     * Bernoulli likelihood: on values in (0, 1) it gives binary cross-entropies, which rank examples but are
     * not densities (use the continuous Bernoulli for one).
     */
    public boolean anomalyScoresAreDensities() {
        return withEngine(e -> e.vae().likelihoodIsDensity());
    }

    /**
     * The anomaly score of each example: its negative log-likelihood in nats, estimated by importance
     * sampling with {@code samples} samples (higher = less like the training data); a negative log-density
     * only where {@link #anomalyScoresAreDensities()} says so. Deterministic: each
     * example's samples come from the training seed and its own values ({@link RowSeeds}), so its score does
     * not depend on the other examples of the call.
     */
    public <T extends Output<T>> double[] anomalyScores(Iterable<Example<T>> examples, int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        return withEngine(e -> {
            Table table = e.converter().toRows(listOf(examples), unseenFeatures).table();
            return e.vae().anomalyScore(table, samples, RowSeeds.of(e.vae().config().seed(), table));
        });
    }

    /**
     * {@code n} synthetic examples in the original feature space and units, each marked with
     * {@link #SYNTHETIC_METADATA_KEY}. A conditional model draws each label from the training label
     * frequencies and sets it as the output; a model of a regression target sets the {@link Regressor} drawn
     * with the features (the training dimension names, values within the training range); any other model
     * gives them the factory's unknown output.
     *
     * @throws IllegalArgumentException if the model models a regression target and the factory does not
     *     make Regressors
     */
    public <T extends Output<T>> List<Example<T>> generate(int n, OutputFactory<T> factory, long seed) {
        return withEngine(e -> {
            ExampleConverter converter = e.converter();
            if (converter.modelsTarget() && !(factory instanceof RegressionFactory)) {
                throw new IllegalArgumentException("this model draws a regression target "
                        + List.of(converter.targetNames())
                        + ": generate with a RegressionFactory (Regressor outputs), not "
                        + factory.getClass().getSimpleName());
            }
            Table rows = e.vae().generate(n, seed);
            List<String> labels = conditionLabels();
            List<Example<T>> out = new ArrayList<>(n);
            for (int i = 0; i < rows.rows(); i++) {
                double[] row = rows.decimalRow(i);
                T output = converter.modelsTarget() ? regressor(converter.target(row))
                        : labels.isEmpty() ? factory.getUnknownOutput()
                        : factory.generateOutput(labels.get(rows.condition(i)));
                out.add(synthetic(output, converter.featureNames(), converter.features(row)));
            }
            return out;
        });
    }

    /** A Regressor as the output type of a RegressionFactory, which the caller has checked {@code T} is. */
    @SuppressWarnings("unchecked")
    private static <T extends Output<T>> T regressor(Regressor target) {
        return (T) target;
    }

    /**
     * {@code n} synthetic examples of the given label (conditional model only), marked with
     * {@link #SYNTHETIC_METADATA_KEY}.
     *
     * @throws IllegalStateException if the model is not conditional
     * @throws IllegalArgumentException if the label was not seen in training
     */
    public <T extends Output<T>> List<Example<T>> generate(int n, T label, long seed) {
        List<String> labels = conditionLabels();
        if (labels.isEmpty()) {
            throw new IllegalStateException("generating for a label needs a conditional model (trainer option conditional)");
        }
        String name = label.getSerializableForm(false);
        int level = labels.indexOf(name);
        if (level < 0) {
            throw new IllegalArgumentException("label '" + name + "' was not seen in training " + labels);
        }
        return withEngine(e -> {
            Table rows = e.vae().generate(n, level, seed);
            List<Example<T>> out = new ArrayList<>(n);
            for (int i = 0; i < rows.rows(); i++) {
                out.add(synthetic(label, e.converter().featureNames(), e.converter().features(rows.decimalRow(i))));
            }
            return out;
        });
    }

    /**
     * The synthetic examples that bring every label of {@code examples} with fewer than {@code target} examples
     * (but at least one) up to {@code target}, made by {@code oversampler} from this conditional model, which
     * must have been trained on {@code examples}; each is marked with {@link #SYNTHETIC_METADATA_KEY}.
     *
     * @throws IllegalStateException if the model is not conditional
     */
    public <T extends Output<T>> List<Example<T>> oversample(Iterable<Example<T>> examples, OutputFactory<T> factory,
            Oversampler oversampler, int target, long seed) {
        List<String> labels = conditionLabels();
        if (labels.isEmpty()) {
            throw new IllegalStateException("oversampling needs a conditional model (trainer option conditional)");
        }
        return withEngine(e -> {
            Table real = e.converter().toRows(listOf(examples), unseenFeatures).table();
            Table rows = oversampler.synthesize(e.vae(), real, target, seed);
            List<Example<T>> out = new ArrayList<>(rows.rows());
            for (int i = 0; i < rows.rows(); i++) {
                out.add(synthetic(factory.generateOutput(labels.get(rows.condition(i))), e.converter().featureNames(),
                        rows.row(i)));
            }
            return out;
        });
    }

    private static <T extends Output<T>> Example<T> synthetic(T output, String[] names, double[] values) {
        return ExampleConverter.example(output, 1.0f, Map.of(SYNTHETIC_METADATA_KEY, "true"), names, values);
    }

    /** The posterior mean of the example's latent vector, with the posterior variances. */
    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        return innerPredict(List.of(example)).get(0);
    }

    /** Encodes all examples in one batched pass. */
    @Override
    protected List<Prediction<Regressor>> innerPredict(Iterable<Example<Regressor>> examples) {
        return withEngine(e -> {
            List<Example<Regressor>> originals = listOf(examples);
            ExampleConverter.Rows rows = e.converter().toRows(originals, unseenFeatures);
            Posterior posterior = e.vae().encode(rows.table());
            List<Prediction<Regressor>> out = new ArrayList<>(originals.size());
            for (int i = 0; i < originals.size(); i++) {
                double[] variance = posterior.std()[i].clone();
                for (int j = 0; j < variance.length; j++) {
                    variance[j] *= variance[j];
                }
                Regressor latent = new Regressor(e.latentNames(), posterior.mean()[i], variance);
                out.add(new Prediction<>(latent, rows.knownFeatures()[i], originals.get(i)));
            }
            return out;
        });
    }

    /** A VAE has no per-feature importances: empty. */
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
    protected VaeFeatureModel copy(String newName, ModelProvenance newProvenance) {
        return new VaeFeatureModel(newName, newProvenance, featureIDMap, outputIDInfo, vaeBytes, includeStd,
                absentFeatures);
    }

    @Override
    public ModelProto serialize() {
        Any data = ProtoMessage.builder(ProtoMessage.FEATURE_MODEL)
                .bytes("metadata", createDataCarrier().serialize().toByteString())
                .bytes("vae", vaeBytes)
                .bool("include_std", includeStd)
                .bool("absent_as_missing", absentFeatures == AbsentFeatures.MISSING)
                .pack();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(VaeFeatureModel.class.getName())
                .setSerializedData(data).build();
    }

    /**
     * Rebuilds a model from the protobuf written by {@link #serialize()}; called by Tribuo's
     * {@code ProtoUtil.deserialize}.
     *
     * @throws InvalidProtocolBufferException if the message is not a vae4j feature model
     * @throws IllegalArgumentException for an unknown version
     */
    public static VaeFeatureModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        ProtoMessage.checkVersion(version, CURRENT_VERSION);
        ProtoMessage proto = ProtoMessage.unpack(message, ProtoMessage.FEATURE_MODEL);
        ModelDataCarrier<?> carrier = proto.regressorMetadata();
        return new VaeFeatureModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                ProtoMessage.regressorDomain(carrier),
                proto.bytes("vae"), proto.bool("include_std"),
                proto.bool("absent_as_missing") ? AbsentFeatures.MISSING : AbsentFeatures.ZERO);
    }

    /**
     * Frees the native network once the calls in flight have finished; a later call rebuilds it from the
     * stored bytes. Safe to call more than once and from several threads.
     */
    @Override
    public void close() {
        Lock exclusive = engineLock.writeLock();
        exclusive.lock();
        try {
            Engine current = engine;
            engine = null;
            if (current != null) {
                current.vae().close();
            }
        } finally {
            exclusive.unlock();
        }
    }

    private static <E> List<E> listOf(Iterable<E> items) {
        if (items instanceof List<E> list) {
            return list;
        }
        List<E> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
