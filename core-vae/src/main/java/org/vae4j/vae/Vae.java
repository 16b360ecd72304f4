package org.vae4j.vae;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.dist.DiagonalNormal;
import org.vae4j.dist.LatentDistribution;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.AnalyticKlElbo;
import org.vae4j.infer.Batch;
import org.vae4j.infer.Bound;
import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Guide;
import org.vae4j.infer.ImportanceWeightedBound;
import org.vae4j.infer.Model;
import org.vae4j.infer.NoiseSource;
import org.vae4j.infer.PriorSampler;
import org.vae4j.io.ModelContents;
import org.vae4j.io.ModelFile;
import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;
import org.vae4j.nn.SparseInputForward;
import org.vae4j.preprocess.EncodedRows;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.preprocess.Preprocessor;

/**
 * A trained (conditional) variational autoencoder: amortized posterior inference for new rows in one
 * forward pass, decoding, generation from the prior, and importance-sampled log-likelihoods. Its API
 * speaks {@link Table}s and plain arrays.
 *
 * <p>Inference methods are safe to call from several threads at once: each call works in its own scope
 * and reads the parameters without changing them.
 *
 * <p>The parameters live in native memory, which {@link #close()} frees. Close may be called any number
 * of times, from any thread, even while other threads use the model: it waits for the native work in
 * flight (an encoding, or the current chunk of rows of a decoding or scoring), and whatever is left of a
 * call fails with an {@link IllegalStateException} instead of reading freed memory. A model that is never
 * closed frees its native memory once it is unreachable (when the garbage collector finds it so), but
 * closing is the prompt way.
 */
public final class Vae implements AutoCloseable {

    /** Rows per forward pass in inference; bounds native memory for large tables. */
    private static final int CHUNK_ROWS = 1024;
    /**
     * Tables of at least this many rows are encoded with {@link SparseInputForward} where it applies:
     * preparing it copies the first layer's weights, which a one-row call (Weka's and Tribuo's per-row
     * path) would pay for every row.
     */
    private static final int SPARSE_MIN_ROWS = 256;

    private final VaeConfig config;
    private final Preprocessor preprocessor;
    private final boolean maskInputs;
    private final double[] conditionFrequencies;
    private final TrainingHistory history;
    private final NativeLifetime lifetime;
    private final NDManager manager;
    private final Guide guide;
    private final Model model;

    /** A model that owns {@code manager} from now on: it frees it when closed or unreachable. */
    Vae(VaeConfig config, Preprocessor preprocessor, boolean maskInputs, double[] conditionFrequencies,
            TrainingHistory history, NDManager manager, VaeNetworks networks) {
        this(config, preprocessor, maskInputs, conditionFrequencies, history, new NativeLifetime(manager),
                networks.guide(), networks.model());
    }

    private Vae(VaeConfig config, Preprocessor preprocessor, boolean maskInputs, double[] conditionFrequencies,
            TrainingHistory history, NativeLifetime lifetime, Guide guide, Model model) {
        this.config = config;
        this.preprocessor = preprocessor;
        this.maskInputs = maskInputs;
        this.conditionFrequencies = conditionFrequencies.clone();
        this.history = history;
        this.lifetime = lifetime;
        this.manager = lifetime.manager();
        this.guide = guide;
        this.model = model;
    }

    /**
     * This model with the given training history. Both share the native parameters, which are freed when
     * either is closed or both are unreachable.
     */
    Vae withHistory(TrainingHistory trainingHistory) {
        return new Vae(config, preprocessor, maskInputs, conditionFrequencies, trainingHistory, lifetime, guide,
                model);
    }

    /** The configuration it was trained with. */
    public VaeConfig config() {
        return config;
    }

    /** The columns it models (and its condition column, if conditional). */
    public Schema schema() {
        return preprocessor.schema();
    }

    /** M, the number of latent dimensions. */
    public int latentDim() {
        return config.latentDim();
    }

    /** Whether it is a conditional VAE. */
    public boolean isConditional() {
        return schema().isConditional();
    }

    /** The relative frequency of each condition level in the training rows (empty if unconditional). */
    public double[] conditionFrequencies() {
        return conditionFrequencies.clone();
    }

    /** How training went. */
    public TrainingHistory history() {
        return history;
    }

    /** The fitted preprocessing. */
    public Preprocessor preprocessor() {
        return preprocessor;
    }

    /** The device its parameters live on, as text ("cpu()", "gpu(0)"). */
    public String device() {
        return manager.getDevice().toString();
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        try (NativeLifetime.Lease lease = lifetime.lease()) {
            return parameters().stream().mapToLong(p -> p.getArray().size()).sum();
        }
    }

    /**
     * Whether this model's ELBOs and log-likelihoods are log-densities of the rows (and its anomaly scores
     * negative log-densities). False when numeric columns are modelled by the {@link NumericLikelihood#BERNOULLI
     * Bernoulli} likelihood: on grey levels in (0, 1) its log-likelihood is minus the binary cross-entropy, which
     * does not integrate to 1 over [0, 1], so these values are not densities and do not compare with those of
     * another model; they are log-probabilities only of rows whose values are all 0 or 1 (binarized images).
     * The continuous Bernoulli is the density for such columns.
     */
    public boolean likelihoodIsDensity() {
        return preprocessor.numericLikelihood().isDensity()
                || schema().features().stream().noneMatch(c -> c.type() == ColumnType.NUMERIC);
    }

    /** The posterior mean and standard deviation of every row. */
    public Posterior encode(Table table) {
        return encode(table, true);
    }

    /**
     * The posterior mean of every row: the latent features of a dimensionality reduction. Cheaper than
     * {@link #encode(Table)}, which also reads back and exponentiates the log-variances.
     */
    public double[][] encodeMeans(Table table) {
        return encode(table, false).mean();
    }

    private Posterior encode(Table table, boolean withStd) {
        EncodedRows rows = preprocessor.encode(table);
        double[][] mean = new double[rows.rows()][];
        double[][] std = withStd ? new double[rows.rows()][] : null;
        try (NativeLifetime.Lease lease = lifetime.lease();
                SparseInputForward sparse = rows.rows() < SPARSE_MIN_ROWS ? null : sparseGuide()) {
            forEachChunk(rows, CHUNK_ROWS, (batch, from) -> {
                LatentDistribution q = sparse != null
                        ? ((GaussianGuide) guide).fromOutput(sparse.forward(((GaussianGuide) guide).input(batch)))
                        : guide.posterior(store(), batch, false);
                copyRows(q.location().toFloatArray(), latentDim(), mean, from);
                if (withStd) {
                    copyRows(scale(q), latentDim(), std, from);
                }
            });
        }
        return new Posterior(mean, std);
    }

    /** The per-dimension spread of each row's code, flattened. */
    private static float[] scale(LatentDistribution q) {
        if (!(q instanceof DiagonalNormal normal)) {
            return q.scale().toFloatArray();
        }
        // exp in Java: three fewer engine calls on the one-row path that Weka and Tribuo use per row.
        float[] std = normal.logVariance().toFloatArray();
        for (int i = 0; i < std.length; i++) {
            std[i] = (float) StrictMath.exp(0.5 * std[i]);
        }
        return std;
    }

    /** The guide's sparse-input forward pass for this call, or null where it does not apply. */
    private SparseInputForward sparseGuide() {
        if (!(guide instanceof GaussianGuide gaussian)) {
            return null;
        }
        return Engines.withoutGradients(() -> SparseInputForward.of(gaussian.network(), store(), manager).orElse(null));
    }

    /** One draw z ~ q(z | x) per row. */
    public double[][] samplePosterior(Table table, long seed) {
        Posterior posterior = encode(table);
        Random random = new Random(seed);
        double[][] z = new double[posterior.rows()][latentDim()];
        for (int r = 0; r < z.length; r++) {
            for (int j = 0; j < z[r].length; j++) {
                z[r][j] = posterior.mean()[r][j] + posterior.std()[r][j] * random.nextGaussian();
            }
        }
        return z;
    }

    /**
     * Decodes latent rows to their most likely values (Gaussian means, most probable levels).
     *
     * @param conditions each row's condition level for a conditional VAE, else null
     * @throws IllegalArgumentException naming the row (counted from 1) for a latent row of the wrong length or
     *     with a value that is not a finite float
     */
    public Table decode(double[][] z, int[] conditions) {
        return decode(z, conditions, null);
    }

    /** Each row passed through the posterior mean and decoded: a denoised (and imputed) copy. */
    public Table reconstruct(Table table) {
        return decode(encode(table).mean(), conditionsOf(table), null);
    }

    /**
     * The latent traversal of one row: its posterior mean decoded with each latent dimension in turn swept over
     * {@code grid}, the others held, and (for a conditional VAE) the row's own condition.
     *
     * @param row the row's index, counted from 0
     * @throws IllegalArgumentException naming the row, counted from 1, when the table has no such row
     */
    public LatentTraversal traverse(Table table, int row, TraversalGrid grid) {
        if (row < 0 || row >= table.rows()) {
            throw new IllegalArgumentException("row " + ((long) row + 1) + " does not exist: the table has "
                    + table.rows() + " rows (counted from 1)");
        }
        Table one = table.select(new int[] {row});
        return LatentTraversal.decode(this, encodeMeans(one)[0], isConditional() ? one.condition(0) : -1, grid);
    }

    /**
     * The latent traversal of a code of an unconditional VAE (such as all zeros, the standard-normal prior's
     * mean).
     *
     * @throws IllegalArgumentException for a conditional VAE, or a code of the wrong length or not finite
     */
    public LatentTraversal traverse(double[] code, TraversalGrid grid) {
        if (isConditional()) {
            throw new IllegalArgumentException("a conditional VAE needs the condition level to decode the "
                    + "traversal with");
        }
        return LatentTraversal.decode(this, code, -1, grid);
    }

    /**
     * The latent traversal of a code of a conditional VAE, every row decoded with condition {@code conditionLevel}.
     *
     * @throws IllegalArgumentException for an unconditional VAE, a level out of range, or a code of the wrong
     *     length or not finite
     */
    public LatentTraversal traverse(double[] code, int conditionLevel, TraversalGrid grid) {
        if (!isConditional()) {
            throw new IllegalArgumentException("an unconditional VAE takes no condition level");
        }
        int levels = schema().conditionCardinality();
        if (conditionLevel < 0 || conditionLevel >= levels) {
            throw new IllegalArgumentException("condition level " + conditionLevel + " does not exist: the model "
                    + "has " + levels + " (counted from 0)");
        }
        return LatentTraversal.decode(this, code, conditionLevel, grid);
    }

    /**
     * {@code n} new rows from the prior, each cell sampled from the likelihood. A conditional VAE draws
     * each row's condition from the training frequencies.
     */
    public Table generate(int n, long seed) {
        return generateInChunks(n, seed, Math.max(1, n)).next();
    }

    /**
     * {@code n} new rows with the given condition level (conditional VAE only).
     *
     * @throws IllegalStateException if the VAE is not conditional
     * @throws IllegalArgumentException if the level is out of range
     */
    public Table generate(int n, int conditionLevel, long seed) {
        return generateInChunks(n, conditionLevel, seed, Math.max(1, n)).next();
    }

    /**
     * The rows of {@link #generate(int, long)} in chunks of at most {@code chunkRows}, each made when the
     * iterator reaches it: for the same seed the same rows, without holding them all in memory. There is at
     * least one chunk (empty when {@code n} is 0).
     */
    public Iterator<Table> generateInChunks(long n, long seed, int chunkRows) {
        return chunks(0, n, seed, chunkRows, isConditional() ? this::drawLevel : null);
    }

    /**
     * Rows {@code firstRow} to {@code firstRow + n - 1} of {@link #generateInChunks(long, long, int)} (each row
     * draws from its own generator, so they are the same rows), made without the ones before: workers that
     * each make a range of rows together make the rows one process would.
     *
     * @throws IllegalArgumentException if {@code firstRow} is negative
     */
    public Iterator<Table> generateRange(long firstRow, long n, long seed, int chunkRows) {
        return chunks(firstRow, n, seed, chunkRows, isConditional() ? this::drawLevel : null);
    }

    /**
     * The rows of {@link #generate(int, int, long)} in chunks of at most {@code chunkRows}, as
     * {@link #generateInChunks(long, long, int)}.
     *
     * @throws IllegalStateException if the VAE is not conditional
     * @throws IllegalArgumentException if the level is out of range
     */
    public Iterator<Table> generateInChunks(long n, int conditionLevel, long seed, int chunkRows) {
        return generateRange(0, n, conditionLevel, seed, chunkRows);
    }

    /**
     * Rows {@code firstRow} to {@code firstRow + n - 1} of {@link #generateInChunks(long, int, long, int)}, as
     * {@link #generateRange(long, long, long, int)}.
     *
     * @throws IllegalStateException if the VAE is not conditional
     * @throws IllegalArgumentException if the level is out of range or {@code firstRow} negative
     */
    public Iterator<Table> generateRange(long firstRow, long n, int conditionLevel, long seed, int chunkRows) {
        if (!isConditional()) {
            throw new IllegalStateException("generate with a condition needs a conditional VAE");
        }
        int k = schema().conditionCardinality();
        if (conditionLevel < 0 || conditionLevel >= k) {
            throw new IllegalArgumentException("condition level " + conditionLevel + " is not one of 0.." + (k - 1));
        }
        return chunks(firstRow, n, seed, chunkRows, random -> conditionLevel);
    }

    private Iterator<Table> chunks(long firstRow, long n, long seed, int chunkRows, ToIntFunction<Random> level) {
        if (firstRow < 0) {
            throw new IllegalArgumentException("the first row to generate must be >= 0, got " + firstRow);
        }
        if (n < 0) {
            throw new IllegalArgumentException("number of rows to generate must be >= 0, got " + n);
        }
        if (chunkRows < 1) {
            throw new IllegalArgumentException("rows per chunk must be >= 1, got " + chunkRows);
        }
        return new Iterator<>() {
            private long made;
            private boolean started;

            @Override
            public boolean hasNext() {
                return made < n || !started;
            }

            @Override
            public Table next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int rows = (int) Math.min(chunkRows, n - made);
                Table.cells(rows, preprocessor.layout().width()); // refuses a count no table could hold, before drawing
                Random[] draws = new Random[rows];
                int[] conditions = level == null ? null : new int[rows];
                double[][] z = new double[rows][];
                PriorSampler prior = priorSampler();
                for (int i = 0; i < rows; i++) {
                    draws[i] = RowDraws.of(seed, firstRow + made + i);
                    if (conditions != null) {
                        conditions[i] = level.applyAsInt(draws[i]);
                    }
                    z[i] = prior.draw(draws[i]);
                }
                Table chunk = decode(z, conditions, i -> draws[i]);
                made += rows;
                started = true;
                return chunk;
            }
        };
    }

    /**
     * The ELBO of each row (one reparameterised sample, beta = 1, the KL in closed form where the prior has
     * one), in nats, as a density of the row in the user's units (standardisation is accounted for). See
     * {@link #likelihoodIsDensity()}: with the Bernoulli likelihood on grey levels it bounds a binary
     * cross-entropy, not a density.
     */
    public double[] elbo(Table table, long seed) {
        return bound(table, CHUNK_ROWS, oneSource(seed), rowsDone -> { }, bounded(new AnalyticKlElbo()));
    }

    /**
     * The importance-sampled estimate of log p(x) per row, with k samples: a lower bound that tightens
     * towards log p(x) as k grows (k = 1 is an ELBO estimate). Native memory stays bounded whatever k: a
     * forward pass holds at most {@value #CHUNK_ROWS} row-samples, and a row's samples beyond that are
     * drawn in further passes whose estimates are combined with a running log-mean-exp. See
     * {@link #likelihoodIsDensity()}: with the Bernoulli likelihood on grey levels this is not a log-density.
     *
     * @throws IllegalArgumentException if k < 1
     */
    public double[] logLikelihood(Table table, int k, long seed) {
        return logLikelihood(table, k, seed, rowsDone -> { });
    }

    /**
     * {@link #logLikelihood(Table, int, long)}, telling {@code rowsDone} how many rows are done after each
     * forward pass over a chunk of rows, for showing the progress of a long run.
     *
     * @throws IllegalArgumentException if k < 1
     */
    public double[] logLikelihood(Table table, int k, long seed, IntConsumer rowsDone) {
        return logLikelihood(table, k, oneSource(seed), rowsDone);
    }

    /**
     * {@link #logLikelihood(Table, int, long)} with each row's importance samples drawn from its own seed,
     * {@code rowSeeds[r]} for row r, while the rows are still computed in batched forward passes. A row's
     * estimate is then the same whatever rows it is scored with, and the same as scoring it alone with
     * {@code logLikelihood(row, k, rowSeeds[r])}: its noise is identical, and its result differs at most by
     * the rounding of float sums over a larger batch.
     *
     * @throws IllegalArgumentException if k < 1 or there is not exactly one seed per row
     */
    public double[] logLikelihood(Table table, int k, long[] rowSeeds) {
        return logLikelihood(table, k, perRowSeeds(rowSeeds, table.rows()), rowsDone -> { });
    }

    private double[] logLikelihood(Table table, int k, RowNoise noiseOfRows, IntConsumer rowsDone) {
        if (k < 1) {
            throw new IllegalArgumentException("importance samples must be >= 1, got " + k);
        }
        int piece = Math.min(k, CHUNK_ROWS);
        ImportanceWeightedBound whole = new ImportanceWeightedBound(piece);
        ImportanceWeightedBound rest = k % piece == 0 ? null : new ImportanceWeightedBound(k % piece);
        return bound(table, Math.max(1, CHUNK_ROWS / k), noiseOfRows, rowsDone, (batch, noise) -> {
            double[] logMean = perRow(whole, batch, noise);
            for (int drawn = piece; drawn < k; drawn += piece) {
                ImportanceWeightedBound next = k - drawn >= piece ? whole : rest;
                // Each further pass frees its arrays at once, so they do not pile up in the chunk's scope.
                double[] more = inScope(scope -> perRow(next, batch, noise));
                for (int r = 0; r < logMean.length; r++) {
                    logMean[r] = combineLogMeans(logMean[r], drawn, more[r], next.samples());
                }
            }
            return logMean;
        });
    }

    /**
     * The log of the mean of n + m values, given the log of the mean of the first n ({@code a}) and of
     * the other m ({@code b}), computed from the larger one so that nothing overflows.
     */
    static double combineLogMeans(double a, int n, double b, int m) {
        double larger = Math.max(a, b);
        double weightOfLarger = (a >= b ? n : m) / (double) (n + m);
        return larger + StrictMath.log(weightOfLarger + (1 - weightOfLarger) * StrictMath.exp(Math.min(a, b) - larger));
    }

    /**
     * The anomaly score of each row: its negative importance-sampled log-likelihood (higher = stranger); a
     * negative log-density only where {@link #likelihoodIsDensity()} holds.
     */
    public double[] anomalyScore(Table table, int k, long seed) {
        return negated(logLikelihood(table, k, seed));
    }

    /**
     * The anomaly score of each row from {@link #logLikelihood(Table, int, long[])}: each row's importance
     * samples come from its own seed, so its score does not depend on the rows scored with it.
     *
     * @throws IllegalArgumentException if k < 1 or there is not exactly one seed per row
     */
    public double[] anomalyScore(Table table, int k, long[] rowSeeds) {
        return negated(logLikelihood(table, k, rowSeeds));
    }

    private static double[] negated(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = -values[i];
        }
        return values;
    }

    /** Writes this model to a file atomically (an existing file is replaced only once the new one is whole). */
    public void save(Path file) throws IOException {
        ModelFile.write(file, leasedContents());
    }

    /** This model as the bytes of a model file. */
    public byte[] toBytes() {
        return ModelFile.toBytes(leasedContents());
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFormatException if the file is not a vae4j model, is truncated or corrupt
     */
    public static Vae load(Path file) throws IOException {
        ModelContents contents = ModelFile.read(file);
        try {
            return fromContents(contents);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model from model-file bytes.
     *
     * @throws ModelFormatException if the bytes are not a vae4j model, truncated or corrupt
     */
    public static Vae fromBytes(byte[] bytes) {
        return fromContents(ModelFile.fromBytes(bytes));
    }

    /**
     * Frees the native parameters once the native work in flight has finished; calls afterwards fail
     * with an {@link IllegalStateException}. Safe to call more than once and from several threads.
     */
    @Override
    public void close() {
        lifetime.close();
    }

    /** {@link #contents()}, holding a lease on the parameters while it reads them. */
    private ModelContents leasedContents() {
        try (NativeLifetime.Lease lease = lifetime.lease()) {
            return contents();
        }
    }

    private ModelContents contents() {
        return checkpointContents(history, List.of());
    }

    /**
     * The contents of a checkpoint of a run in progress: this model with the history so far and the training
     * tensors only resumed training needs (none for a model saved for inference).
     */
    ModelContents checkpointContents(TrainingHistory historySoFar, List<NamedTensor> trainingTensors) {
        List<NamedTensor> tensors = new ArrayList<>();
        namedParameters().forEach((name, parameter) -> tensors.add(new NamedTensor(name,
                parameter.getArray().getShape().getShape(), parameter.getArray().toFloatArray())));
        return new ModelContents(config.toMap(), ComponentManifest.of(config), preprocessor.schema(),
                preprocessor.numericLikelihood(),
                preprocessor.means(), preprocessor.scales(), preprocessor.columnModels(), maskInputs, conditionFrequencies, historySoFar, tensors,
                trainingTensors);
    }

    static Vae fromContents(ModelContents contents) {
        return Engines.withoutGradients(() -> build(contents));
    }

    /**
     * Builds a model from a file's contents, checking the configuration (every option present, sizes within
     * {@link ParameterShapes#MAX_PARAMETER_BYTES}), the preprocessing, and every parameter's name and shape
     * against the networks the configuration describes before any engine memory is allocated.
     */
    private static Vae build(ModelContents contents) {
        VaeConfig config;
        Preprocessor preprocessor;
        try {
            config = VaeConfig.fromCompleteMap(contents.config());
            preprocessor = contents.columnModels().isEmpty()
                    ? new Preprocessor(contents.schema(), contents.numericLikelihood(), contents.means(),
                            contents.scales())
                    : new Preprocessor(contents.schema(), contents.numericLikelihood(), contents.columnModels());
            VaeNetworks.checkSize(config, preprocessor, contents.maskInputs());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model file's configuration is invalid: " + e.getMessage(), e);
        }
        checkConditionFrequencies(contents.conditionFrequencies(), contents.schema().conditionCardinality());
        ComponentManifest.check(contents.components(), config);
        // A model trained on a GPU still loads on a machine without one.
        Device device = Engines.resolve(config.device() == DeviceChoice.GPU ? DeviceChoice.AUTO : config.device());
        NDManager manager = Engines.pytorch().newBaseManager(device);
        try {
            // The networks are no larger than the configuration allows (checked as they are built), so they are
            // built first and the file's tensors checked against theirs, learned priors and flows included.
            VaeNetworks networks = VaeNetworks.create(config, preprocessor, contents.maskInputs(), manager,
                    new Random(0));
            Map<String, Parameter> named = networks.named();
            ParameterShapes.checkMatches(ParameterShapes.of(named), contents.parameters());
            for (NamedTensor tensor : contents.parameters()) {
                NativeArrays.overwrite(named.get(tensor.name()).getArray(), tensor.values());
            }
            return new Vae(config, preprocessor, contents.maskInputs(), contents.conditionFrequencies(),
                    contents.history(), manager, networks);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private static void checkConditionFrequencies(double[] frequencies, int levels) {
        if (frequencies.length != levels) {
            throw new ModelFormatException("the model file has " + frequencies.length
                    + " condition frequencies for " + levels + " condition levels");
        }
        for (double f : frequencies) {
            if (!(f >= 0 && f <= 1)) {
                throw new ModelFormatException("the model file has a condition frequency of " + f
                        + ", outside [0, 1]");
            }
        }
    }

    /** The guide's and the model's parameters by their names in model files. */
    Map<String, Parameter> namedParameters() {
        return new VaeNetworks(guide, model).named();
    }

    List<Parameter> parameters() {
        List<Parameter> list = guide.parameters();
        list.addAll(model.parameters());
        return list;
    }

    Guide guide() {
        return guide;
    }

    Model model() {
        return model;
    }

    NDManager manager() {
        return manager;
    }

    boolean maskInputs() {
        return maskInputs;
    }

    private Table decode(double[][] z, int[] conditions, IntFunction<Random> rowRandom) {
        int n = z.length;
        int m = latentDim();
        int width = preprocessor.layout().width();
        int k = schema().conditionCardinality();
        if (isConditional() && (conditions == null || conditions.length != n)) {
            throw new IllegalArgumentException("a conditional VAE needs one condition level per latent row");
        }
        if (!isConditional() && conditions != null) {
            throw new IllegalArgumentException("an unconditional VAE takes no condition levels (pass null)");
        }
        float[] output = new float[Table.cells(n, width)];
        for (int from = 0; from < n; from += CHUNK_ROWS) {
            int to = Math.min(n, from + CHUNK_ROWS);
            int start = from;
            float[] chunk = Engines.withoutGradients(() -> inScope(scope -> {
                float[] zFlat = new float[(to - start) * m];
                for (int r = start; r < to; r++) {
                    if (z[r].length != m) {
                        throw new IllegalArgumentException("latent row " + (r + 1) + " has " + z[r].length
                                + " values, expected " + m);
                    }
                    for (int j = 0; j < m; j++) {
                        if (!(Math.abs(z[r][j]) <= Float.MAX_VALUE)) {
                            throw new IllegalArgumentException("latent row " + (r + 1) + ", dimension " + (j + 1)
                                    + ": value " + z[r][j] + " is not a finite float");
                        }
                        zFlat[(r - start) * m + j] = (float) z[r][j];
                    }
                }
                NDArray zArray = scope.create(FloatBuffer.wrap(zFlat), new Shape(to - start, m));
                NDArray condition = null;
                if (k > 0) {
                    int[] levels = Arrays.copyOfRange(conditions, start, to);
                    condition = scope.create(FloatBuffer.wrap(Preprocessor.oneHot(levels, k)),
                            new Shape(to - start, k));
                }
                return model.decode(store(), zArray, condition, false).toFloatArray();
            }));
            System.arraycopy(chunk, 0, output, from * width, chunk.length);
        }
        return preprocessor.decode(output, n, gaussianStd(), conditions, rowRandom);
    }

    private PriorSampler priorSampler() {
        try (NativeLifetime.Lease lease = lifetime.lease()) {
            return Engines.withoutGradients(() -> model.prior().sampler(store()));
        }
    }

    private float[] gaussianStd() {
        Parameter logVariance = model.gaussianLogVariance();
        if (logVariance == null) {
            return new float[0];
        }
        float[] values;
        try (NativeLifetime.Lease lease = lifetime.lease()) {
            values = logVariance.getArray().toFloatArray();
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) StrictMath.exp(0.5 * values[i]);
        }
        return values;
    }

    private int drawLevel(Random random) {
        double u = random.nextDouble();
        for (int level = 0; level < conditionFrequencies.length; level++) {
            u -= conditionFrequencies[level];
            if (u <= 0) {
                return level;
            }
        }
        return conditionFrequencies.length - 1;
    }

    /** The ELBO of already-encoded rows (the trainer's validation split). */
    double[] elboOfEncoded(EncodedRows rows, long seed) {
        return bound(rows, CHUNK_ROWS, oneSource(seed), rowsDone -> { }, bounded(new AnalyticKlElbo()));
    }

    /** The noise source of the chunk of a call's rows that starts at row {@code from} and has {@code count} rows. */
    private interface RowNoise {
        NoiseSource of(int from, int count);
    }

    /** One generator seeded with {@code seed} for all of a call's rows, chunk after chunk. */
    private static RowNoise oneSource(long seed) {
        NoiseSource noise = new NoiseSource(seed);
        return (from, count) -> noise;
    }

    /** A generator for each row, seeded with that row's seed, whatever chunk the row falls in. */
    private static RowNoise perRowSeeds(long[] rowSeeds, int rows) {
        if (rowSeeds.length != rows) {
            throw new IllegalArgumentException(rowSeeds.length + " row seeds for " + rows
                    + " rows: one seed is needed per row");
        }
        long[] seeds = rowSeeds.clone();
        return (from, count) -> NoiseSource.perRow(Arrays.copyOfRange(seeds, from, from + count));
    }

    /** A bound of each row of one batch, drawing its noise from the chunk's source. */
    private interface BatchBound {
        double[] of(Batch batch, NoiseSource noise);
    }

    private BatchBound bounded(Bound bound) {
        return (batch, noise) -> perRow(bound, batch, noise);
    }

    private double[] perRow(Bound bound, Batch batch, NoiseSource noise) {
        float[] values = bound.perRow(guide, model, store(), batch, noise, 1.0, false).toFloatArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private double[] bound(Table table, int chunkRows, RowNoise noise, IntConsumer rowsDone, BatchBound perBatch) {
        double[] bound = bound(preprocessor.encode(table), chunkRows, noise, rowsDone, perBatch);
        double[] logJacobian = preprocessor.logJacobian(table);
        for (int r = 0; r < bound.length; r++) {
            bound[r] += logJacobian[r];
        }
        return bound;
    }

    private double[] bound(EncodedRows rows, int chunkRows, RowNoise noise, IntConsumer rowsDone,
            BatchBound perBatch) {
        double[] out = new double[rows.rows()];
        forEachChunk(rows, chunkRows, (batch, from) -> {
            double[] values = perBatch.of(batch, noise.of(from, Math.toIntExact(batch.size())));
            System.arraycopy(values, 0, out, from, values.length);
            rowsDone.accept(from + values.length);
        });
        return out;
    }

    /** Work on one chunk of encoded rows, given as a batch and the index of its first row. */
    private interface ChunkWork {
        void accept(Batch batch, int from);
    }

    private void forEachChunk(EncodedRows rows, int chunkRows, ChunkWork work) {
        for (int from = 0; from < rows.rows(); from += chunkRows) {
            int start = from;
            int count = Math.min(chunkRows, rows.rows() - from);
            Engines.withoutGradients(() -> inScope(scope -> {
                work.accept(BatchFactory.slice(rows, start, count, scope), start);
                return null;
            }));
        }
    }

    /**
     * Runs {@code body} with a fresh sub-manager and an {@link NDScope}: every array it creates, even one
     * computed from a parameter and so attached to the model's manager, is freed when it returns. It holds
     * a lease on the parameters meanwhile, so {@link #close()} waits for it.
     */
    private <T> T inScope(Function<NDManager, T> body) {
        try (NativeLifetime.Lease lease = lifetime.lease(); NDManager scope = manager.newSubManager();
                NDScope arrays = new NDScope()) {
            arrays.suppressNotUsedWarning();
            return body.apply(scope);
        }
    }

    private ParameterStore store() {
        // One store per call: ParameterStore caches in a plain map, which concurrent callers must not share.
        return new ParameterStore(manager, false);
    }

    private static void copyRows(float[] flat, int width, double[][] target, int from) {
        int rows = flat.length / width;
        for (int r = 0; r < rows; r++) {
            double[] row = new double[width];
            for (int j = 0; j < width; j++) {
                row[j] = flat[r * width + j];
            }
            target[from + r] = row;
        }
    }

    private static int[] conditionsOf(Table table) {
        if (!table.schema().isConditional()) {
            return null;
        }
        int[] out = new int[table.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = table.condition(r);
        }
        return out;
    }
}
