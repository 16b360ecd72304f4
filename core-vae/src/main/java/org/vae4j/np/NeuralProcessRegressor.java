package org.vae4j.np;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.engine.Engines;
import org.vae4j.infer.NoiseSource;
import org.vae4j.io.ModelFile;
import org.vae4j.io.ModelFormatException;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.NativeLifetime;
import org.vae4j.vae.ParameterShapes;

/**
 * A neural process used as a regressor with uncertainty: trained on one table by sampling random context /
 * target splits of its rows, it predicts new rows with (a capped subset of) the training rows as context, or
 * with any context the caller gives, and returns a Gaussian predictive mean and variance per output.
 *
 * <p>Inputs and outputs are standardised with the training rows' means and standard deviations; predictions
 * come back in the outputs' own units. The context for {@link #predict(double[][])} is a seeded random subset
 * of at most {@code maxContext} training rows, drawn once at training and saved with the model, so a saved
 * model predicts as the trained one did. A latent model ({@link NeuralProcessKind#NP}, {@link
 * NeuralProcessKind#ATTENTIVE_NP}) predicts the moments of its mixture over {@code predictionSamples} draws of
 * z from q(z | context), drawn from the seed, so the same call gives the same answer.
 *
 * <p>The parameters live in native memory, which {@link #close()} frees; close is safe to call any number of
 * times from any thread, even while other threads predict (they finish first; later calls fail with an
 * {@link IllegalStateException}), and a regressor nobody closes frees its memory once it is unreachable.
 */
public final class NeuralProcessRegressor implements AutoCloseable {

    /** The model-file configuration key naming the model family. */
    static final String FAMILY_KEY = "family";
    /** The model-file configuration value of a neural process. */
    static final String FAMILY = "neural-process";
    /** Target rows per forward pass in prediction; bounds native memory for large tables. */
    private static final int CHUNK_ROWS = 512;

    private final OptionValues options;
    private final NeuralProcessNetwork.Architecture architecture;
    private final ColumnScaling xScaling;
    private final ColumnScaling yScaling;
    private final float[] contextX;
    private final float[] contextY;
    private final int contextRows;
    private final NativeLifetime lifetime;
    private final NeuralProcessNetwork network;

    NeuralProcessRegressor(OptionValues options, NeuralProcessNetwork.Architecture architecture,
            ColumnScaling xScaling, ColumnScaling yScaling, float[] contextX, float[] contextY, int contextRows,
            NDManager manager, NeuralProcessNetwork network) {
        this.options = options;
        this.architecture = architecture;
        this.xScaling = xScaling;
        this.yScaling = yScaling;
        this.contextX = contextX;
        this.contextY = contextY;
        this.contextRows = contextRows;
        this.lifetime = new NativeLifetime(manager, "neural process");
        this.network = network;
    }

    /**
     * Trains a neural process on the rows of {@code x} (inputs) and {@code y} (outputs, one or more columns).
     *
     * @param options values of {@link NeuralProcessOptions#ALL}
     * @throws IllegalArgumentException naming the row and column of a missing or non-finite value, a row of the
     *     wrong width, or an option that does not fit the data (fewer than 2 rows, minContext above maxContext)
     */
    public static NeuralProcessRegressor fit(double[][] x, double[][] y, OptionValues options) {
        int xDim = RowChecks.check(x, "training inputs", -1);
        int yDim = RowChecks.check(y, "training outputs", -1);
        RowChecks.sameRows(x, "training inputs", y, "training outputs");
        if (x.length < 2) {
            throw new IllegalArgumentException("a neural process needs at least 2 training rows, got " + x.length);
        }
        if (xDim < 1 || yDim < 1) {
            throw new IllegalArgumentException("a neural process needs at least one input and one output column, "
                    + "got " + xDim + " and " + yDim);
        }
        checkContextRange(options);
        ColumnScaling xScaling = ColumnScaling.fit(x);
        ColumnScaling yScaling = ColumnScaling.fit(y);
        float[] xs = xScaling.standardize(x);
        float[] ys = yScaling.standardize(y);
        TaskSource tasks = new TabularTasks(xs, ys, x.length, xDim, yDim,
                options.intValue(NeuralProcessOptions.MIN_CONTEXT.name()),
                options.intValue(NeuralProcessOptions.MAX_CONTEXT.name()),
                options.intValue(NeuralProcessOptions.MAX_TARGETS.name()));
        int[] chosen = contextSubset(x.length, options.intValue(NeuralProcessOptions.MAX_CONTEXT.name()),
                options.longValue(NeuralProcessOptions.SEED.name()));
        return train(tasks, options, xScaling, yScaling, gather(xs, xDim, chosen), gather(ys, yDim, chosen),
                chosen.length);
    }

    /**
     * Trains a neural process on tasks from {@code tasks}, whose values are already in the units the network
     * reads (as the Gaussian-process benchmark's are). The regressor has no training rows to use as context:
     * predict with {@link #predict(double[][], double[][], double[][])}.
     *
     * @param options values of {@link NeuralProcessOptions#ALL}
     */
    public static NeuralProcessRegressor fit(TaskSource tasks, OptionValues options) {
        checkContextRange(options);
        return train(tasks, options, ColumnScaling.identity(tasks.xDim()), ColumnScaling.identity(tasks.yDim()),
                new float[0], new float[0], 0);
    }

    private static NeuralProcessRegressor train(TaskSource tasks, OptionValues options, ColumnScaling xScaling,
            ColumnScaling yScaling, float[] contextX, float[] contextY, int contextRows) {
        NeuralProcessNetwork.Architecture architecture = architecture(options, tasks.xDim(), tasks.yDim());
        long seed = options.longValue(NeuralProcessOptions.SEED.name());
        Device device = Engines.resolve(DeviceChoice.valueOf(
                options.text(NeuralProcessOptions.DEVICE.name()).toUpperCase(Locale.ROOT)));
        NDManager manager = Engines.pytorch().newBaseManager(device);
        try {
            NeuralProcessNetwork network = NeuralProcessNetwork.create(architecture, manager, new Random(seed));
            NeuralProcessTrainer.train(network, manager, tasks, options.intValue(NeuralProcessOptions.STEPS.name()),
                    options.intValue(NeuralProcessOptions.BATCH_SIZE.name()),
                    options.doubleValue(NeuralProcessOptions.LEARNING_RATE.name()), seed);
            return new NeuralProcessRegressor(options, architecture, xScaling, yScaling, contextX, contextY,
                    contextRows, manager, network);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private static void checkContextRange(OptionValues options) {
        int min = options.intValue(NeuralProcessOptions.MIN_CONTEXT.name());
        int max = options.intValue(NeuralProcessOptions.MAX_CONTEXT.name());
        if (min > max) {
            throw new InvalidOptionException(NeuralProcessOptions.MIN_CONTEXT.name(), "must be at most maxContext ("
                    + max + "), got " + min, null);
        }
    }

    /** The network's architecture for these options and dimensions, checked against the size limit. */
    static NeuralProcessNetwork.Architecture architecture(OptionValues options, int xDim, int yDim) {
        @SuppressWarnings("unchecked")
        List<Integer> hidden = (List<Integer>) options.get(NeuralProcessOptions.HIDDEN.name());
        NeuralProcessKind kind = NeuralProcessKind.valueOf(
                options.text(NeuralProcessOptions.MODEL.name()).toUpperCase(Locale.ROOT));
        NeuralProcessNetwork.Architecture architecture = new NeuralProcessNetwork.Architecture(kind, xDim, yDim,
                options.intValue(NeuralProcessOptions.REPRESENTATION_DIM.name()),
                options.intValue(NeuralProcessOptions.LATENT_DIM.name()), List.copyOf(hidden));
        long count;
        try {
            count = architecture.parameterCount();
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > ParameterShapes.MAX_PARAMETER_BYTES / Float.BYTES) {
            throw new InvalidOptionException(NeuralProcessOptions.HIDDEN.name(), "and representationDim, latentDim "
                    + "give " + count + " parameters, more than the limit of "
                    + ParameterShapes.MAX_PARAMETER_BYTES / Float.BYTES, null);
        }
        return architecture;
    }

    /** A seeded random subset of {@code min(rows, cap)} row indices, in increasing order. */
    static int[] contextSubset(int rows, int cap, long seed) {
        int[] chosen = TabularTasks.randomRows(rows, Math.min(rows, cap), new SplittableRandom(seed));
        Arrays.sort(chosen);
        return chosen;
    }

    private static float[] gather(float[] flat, int width, int[] rows) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, rows[i] * width, out, i * width, width);
        }
        return out;
    }

    /** Number of input columns. */
    public int inputDim() {
        return architecture.xDim();
    }

    /** Number of output columns. */
    public int outputDim() {
        return architecture.yDim();
    }

    /** The model. */
    public NeuralProcessKind kind() {
        return architecture.kind();
    }

    /** The options it was trained with. */
    public OptionValues options() {
        return options;
    }

    /** Number of training rows kept as the context of {@link #predict(double[][])} (0 if trained on tasks). */
    public int contextRows() {
        return contextRows;
    }

    /**
     * The predictive distribution of each row of {@code xNew}, with the kept training rows as context.
     *
     * @throws IllegalArgumentException naming the row and column of a bad value or a row of the wrong width
     * @throws IllegalStateException if the regressor was trained on tasks and keeps no rows, or is closed
     */
    public Prediction predict(double[][] xNew) {
        RowChecks.check(xNew, "inputs", inputDim());
        if (contextRows == 0) {
            throw new IllegalStateException("this neural process was trained on tasks, not on rows: it keeps no "
                    + "context; give one to predict(xContext, yContext, xTarget)");
        }
        return predictStandardized(contextX, contextY, contextRows, xNew);
    }

    /**
     * The predictive distribution of each row of {@code xTarget} given the context rows ({@code xContext},
     * {@code yContext}), all in the units of the training data. Every context row is used.
     *
     * @throws IllegalArgumentException naming the row and column of a bad value or a row of the wrong width, or
     *     if the context is empty or its inputs and outputs differ in rows
     */
    public Prediction predict(double[][] xContext, double[][] yContext, double[][] xTarget) {
        checkContext(xContext, yContext);
        RowChecks.check(xTarget, "target inputs", inputDim());
        return predictStandardized(xScaling.standardize(xContext), yScaling.standardize(yContext), xContext.length,
                xTarget);
    }

    private void checkContext(double[][] xContext, double[][] yContext) {
        RowChecks.check(xContext, "context inputs", inputDim());
        RowChecks.check(yContext, "context outputs", outputDim());
        RowChecks.sameRows(xContext, "context inputs", yContext, "context outputs");
        if (xContext.length == 0) {
            throw new IllegalArgumentException("the context is empty: a neural process needs at least one context "
                    + "row");
        }
    }

    /**
     * The decoder's mean for each target row under {@code draws} draws of z ~ q(z | context) drawn from
     * {@code seed}, in the outputs' units: [draw][row][output]. These are the functions the model believes in;
     * a CNP has one.
     *
     * @throws IllegalArgumentException as {@link #predict(double[][], double[][], double[][])}, or if draws < 1
     */
    public double[][][] sampleMeans(double[][] xContext, double[][] yContext, double[][] xTarget, int draws,
            long seed) {
        checkContext(xContext, yContext);
        RowChecks.check(xTarget, "target inputs", inputDim());
        if (draws < 1) {
            throw new IllegalArgumentException("draws must be at least 1, got " + draws);
        }
        float[][] out = decoded(xScaling.standardize(xContext), yScaling.standardize(yContext), xContext.length,
                xScaling.standardize(xTarget), xTarget.length, draws, seed);
        int n = kind().hasLatentPath() ? draws : 1;
        int yDim = outputDim();
        double[][][] means = new double[n][xTarget.length][yDim];
        for (int s = 0; s < n; s++) {
            for (int r = 0; r < xTarget.length; r++) {
                for (int j = 0; j < yDim; j++) {
                    means[s][r][j] = yScaling.restore(out[0][(s * xTarget.length + r) * yDim + j], j);
                }
            }
        }
        return means;
    }

    private Prediction predictStandardized(float[] xc, float[] yc, int contextCount, double[][] xTarget) {
        int draws = options.intValue(NeuralProcessOptions.PREDICTION_SAMPLES.name());
        long seed = options.longValue(NeuralProcessOptions.SEED.name());
        int rows = xTarget.length;
        int yDim = outputDim();
        double[][] mean = new double[rows][yDim];
        double[][] variance = new double[rows][yDim];
        for (int from = 0; from < rows; from += CHUNK_ROWS) {
            int to = Math.min(rows, from + CHUNK_ROWS);
            double[][] chunk = Arrays.copyOfRange(xTarget, from, to);
            float[][] out = decoded(xc, yc, contextCount, xScaling.standardize(chunk), to - from, draws, seed);
            int n = kind().hasLatentPath() ? draws : 1;
            int m = to - from;
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < yDim; j++) {
                    double sum = 0;
                    double squares = 0;
                    for (int s = 0; s < n; s++) {
                        int i = (s * m + r) * yDim + j;
                        sum += out[0][i];
                        squares += (double) out[1][i] * out[1][i];
                    }
                    double mu = sum / n;
                    double spread = 0;
                    for (int s = 0; s < n; s++) {
                        double d = out[0][(s * m + r) * yDim + j] - mu;
                        spread += d * d;
                    }
                    mean[from + r][j] = yScaling.restore(mu, j);
                    variance[from + r][j] = yScaling.restoreVariance((squares + spread) / n, j);
                }
            }
        }
        return new Prediction(mean, variance);
    }

    /** The decoder's [means, sigmas], flat (draws, targets, yDim), in standardised units. */
    private float[][] decoded(float[] xc, float[] yc, int contextCount, float[] xt, int targets, int draws,
            long seed) {
        int xDim = inputDim();
        int yDim = outputDim();
        try (NativeLifetime.Lease lease = lifetime.lease();
                NDManager scope = lifetime.manager().newSubManager();
                NDScope arrays = new NDScope()) {
            arrays.suppressNotUsedWarning();
            return Engines.withoutGradients(() -> network.predictive(new ParameterStore(scope, false),
                    NeuralProcessNetwork.tasks(scope, xc, 1, contextCount, xDim),
                    NeuralProcessNetwork.tasks(scope, yc, 1, contextCount, yDim),
                    NeuralProcessNetwork.tasks(scope, xt, 1, targets, xDim), draws, new NoiseSource(seed)));
        }
    }

    /** Writes this regressor to a vae4j model file atomically (an existing file is replaced only once whole). */
    public void save(Path file) throws IOException {
        ModelFile.write(file, NeuralProcessFile.contents(this));
    }

    /** This regressor as the bytes of a vae4j model file (for Java serialisation by adapters). */
    public byte[] toBytes() {
        return ModelFile.toBytes(NeuralProcessFile.contents(this));
    }

    /**
     * Reads a regressor from a model file.
     *
     * @throws ModelFormatException naming the file if it is not a vae4j neural-process model, is truncated,
     *     corrupt or inconsistent
     */
    public static NeuralProcessRegressor load(Path file) throws IOException {
        try {
            return NeuralProcessFile.build(ModelFile.read(file));
        } catch (ModelFormatException e) {
            throw e.getMessage().startsWith(file.toString()) ? e
                    : new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a regressor from model-file bytes.
     *
     * @throws ModelFormatException if they are not a vae4j neural-process model, truncated, corrupt or
     *     inconsistent
     */
    public static NeuralProcessRegressor fromBytes(byte[] bytes) {
        return NeuralProcessFile.build(ModelFile.fromBytes(bytes));
    }

    /**
     * Frees the native parameters once the predictions in flight have finished; calls afterwards fail with an
     * {@link IllegalStateException}. Safe to call more than once and from several threads.
     */
    @Override
    public void close() {
        lifetime.close();
    }

    // What the model file needs.

    NeuralProcessNetwork.Architecture architecture() {
        return architecture;
    }

    ColumnScaling xScaling() {
        return xScaling;
    }

    ColumnScaling yScaling() {
        return yScaling;
    }

    float[] contextX() {
        return contextX.clone();
    }

    float[] contextY() {
        return contextY.clone();
    }

    /** The parameters' values by model-file name, read while holding a lease. */
    Map<String, float[]> parameterValues() {
        try (NativeLifetime.Lease lease = lifetime.lease()) {
            Map<String, float[]> values = new LinkedHashMap<>();
            network.named().forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
            return values;
        }
    }
}
