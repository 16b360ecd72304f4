package org.vae4j.vae;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.data.Table;
import org.vae4j.engine.Engines;
import org.vae4j.infer.Batch;
import org.vae4j.infer.KlSchedule;
import org.vae4j.infer.NoiseSource;
import org.vae4j.infer.Permutations;
import org.vae4j.infer.TrainingContext;
import org.vae4j.infer.TrainingProcedure;
import org.vae4j.infer.TrainingStep;
import org.vae4j.engine.NativeArrays;
import org.vae4j.preprocess.Binarization;
import org.vae4j.preprocess.EncodedRows;
import org.vae4j.preprocess.Preprocessor;
import org.vae4j.vae.components.ObjectiveType;

/**
 * Fits a {@link Vae} to a table with its objective's {@link TrainingProcedure} (stochastic variational inference
 * with Adam for the bounds; FactorVAE adds a discriminator): mini-batches of shuffled rows, an optional KL
 * warm-up, and an optional held-out split on whose ELBO training stops early (keeping the best epoch's
 * parameters). Training stops cleanly between steps when the listener asks or the thread is
 * interrupted, and fails with a {@link TrainingDivergedException} as soon as the loss is not finite.
 *
 * <p>The training rows live on the device as one resident tensor; each step gathers its mini-batch from it
 * by index on the native side, so a step copies 128 indices from Java rather than 128 rows.
 *
 * <p>PyTorch's gradient recording is global to the JVM in DJL, so trainings in one JVM run one at a time.
 */
public final class VaeTrainer {

    /** Held by every training in the JVM (also {@link ShardTrainer}'s): DJL's gradient recording is global. */
    static final Object TRAINING_LOCK = new Object();
    /** Added to the seed whose mix binarizes the validation rows (so that they do not share draws with training). */
    private static final long VALIDATION_BINARIZATION = 0x5DEECE66DL;

    private final VaeConfig config;
    private TrainingListener listener = TrainingListener.NONE;

    /** A trainer for the given configuration. */
    public VaeTrainer(VaeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Sets the listener that receives progress and may stop training. */
    public VaeTrainer listener(TrainingListener newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
        return this;
    }

    /**
     * Trains a VAE on the rows of {@code table} (conditional when its schema has a condition column).
     *
     * @throws IllegalArgumentException for empty data or values the likelihood cannot model
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public Vae fit(Table table) {
        // PyTorch records gradients per thread and is on by default in every thread but the one that started
        // the engine; only the SVI step's gradient collector should record (Weka trains on its own threads).
        return Engines.withoutGradients(() -> fitWithoutRecording(table, null));
    }

    /**
     * Trains a VAE on the rows of {@code train}, stopping early on the ELBO of the given held-out rows (a
     * fixed split, as benchmark protocols prescribe) instead of a random {@code validationFraction} of them.
     *
     * @throws InvalidOptionException if the configuration also asks for a random hold-out
     *     ({@code validationFraction} > 0)
     * @throws IllegalArgumentException for empty data, validation rows with other columns than the training
     *     rows, or values the likelihood cannot model
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public Vae fit(Table train, Table validation) {
        Objects.requireNonNull(validation, "validation");
        if (config.validationFraction() > 0) {
            throw new InvalidOptionException("validationFraction", "must be 0 when the validation rows are given, "
                    + "got " + config.validationFraction(), null);
        }
        if (validation.rows() == 0) {
            throw new IllegalArgumentException("cannot validate on empty data: the validation table has no rows");
        }
        return Engines.withoutGradients(() -> fitWithoutRecording(train, validation));
    }

    private Vae fitWithoutRecording(Table table, Table givenValidation) {
        if (table.rows() == 0) {
            throw new IllegalArgumentException("cannot train on empty data: the table has no rows");
        }
        Random random = new Random(config.seed());
        int[][] split = split(table.rows(), random);
        // Without a hold-out the training rows are the table itself: no copy of a large data set.
        Table train = split[1].length == 0 ? table : table.select(split[0]);
        Table validation = split[1].length == 0 ? givenValidation : table.select(split[1]);
        if (validation != null && config.dynamicBinarization()) {
            // Validation rows are binarized once, with a seed fixed by the run's: every epoch sees the same rows.
            validation = Binarization.once(validation, RowSeeds.mix(config.seed() + VALIDATION_BINARIZATION));
        }

        Preprocessor preprocessor = Preprocessor.fit(train, config.numericLikelihood(), config.standardize(),
                config.columnTypes());
        EncodedRows trainRows = preprocessor.encode(train);
        EncodedRows validationRows = validation == null ? null : preprocessor.encode(validation);
        boolean maskInputs = table.hasMissing();

        Device device = Engines.resolve(config.device());
        NDManager manager = Engines.pytorch().newBaseManager(device);
        try {
            VaeNetworks networks = VaeNetworks.create(config, preprocessor, maskInputs, manager, random);
            Vae vae = new Vae(config, preprocessor, maskInputs, frequencies(table), TrainingHistory.empty(),
                    manager, networks);
            TrainingHistory history;
            synchronized (TRAINING_LOCK) {
                history = new Run(vae, trainRows, validationRows, random).train();
            }
            return vae.withHistory(history);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private int[][] split(int rows, Random random) {
        int[] order = Permutations.of(rows, random);
        int validationRows = (int) Math.round(rows * config.validationFraction());
        if (config.validationFraction() > 0) {
            validationRows = Math.max(1, Math.min(rows - 1, validationRows));
        }
        if (rows - validationRows < 1) {
            throw new InvalidOptionException("validationFraction", config.validationFraction()
                    + " leaves no training rows out of " + rows, null);
        }
        int[] train = Arrays.copyOfRange(order, validationRows, rows);
        int[] held = Arrays.copyOfRange(order, 0, validationRows);
        Arrays.sort(train);
        Arrays.sort(held);
        return new int[][] {train, held};
    }

    private static double[] frequencies(Table table) {
        int k = table.schema().conditionCardinality();
        double[] counts = new double[k];
        for (int r = 0; r < table.rows() && k > 0; r++) {
            counts[table.condition(r)]++;
        }
        for (int i = 0; i < k; i++) {
            counts[i] /= table.rows();
        }
        return counts;
    }

    /** How a run of {@code config} trains: the procedure of its objective (SVI on a bound, or its own). */
    static TrainingProcedure procedure(VaeConfig config) {
        return ((ObjectiveType) config.objective().type()).create(config.objective().options(), config);
    }

    /** One training run: its resident data, training step and bookkeeping. */
    private final class Run {
        private final Vae vae;
        private final EncodedRows trainRows;
        private final EncodedRows validationRows;
        private final Random random;
        private final NoiseSource noise;
        private final DynamicBinarization binarization;
        private final KlSchedule schedule = new KlSchedule(config.beta(), config.warmupEpochs());
        private final List<EpochReport> reports = new ArrayList<>();

        Run(Vae vae, EncodedRows trainRows, EncodedRows validationRows, Random random) {
            this.vae = vae;
            this.trainRows = trainRows;
            this.validationRows = validationRows;
            this.random = random;
            this.noise = new NoiseSource(random.nextLong());
            this.binarization = config.dynamicBinarization()
                    ? new DynamicBinarization(vae.preprocessor().layout(), random.nextLong())
                    : null;
        }

        TrainingHistory train() {
            List<Parameter> parameters = vae.parameters();
            ParameterStore store = new ParameterStore(vae.manager(), false);
            int n = trainRows.rows();
            TrainingContext context = new TrainingContext(vae.guide(), vae.model(), store, vae.manager(), random, n);
            int batchSize = Math.min(config.batchSize(), n);
            int stepsPerEpoch = (n + batchSize - 1) / batchSize;
            double bestElbo = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            float[][] bestParameters = null;
            TrainingHistory.StopReason reason = TrainingHistory.StopReason.COMPLETED;
            try (TrainingStep training = procedure(config).start(context); NDManager data = vae.manager().newSubManager()) {
                MiniBatches batches = new MiniBatches(trainRows, data);
                epochs:
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    int[] order = config.shuffle() ? Permutations.of(n, random) : identity(n);
                    long start = System.nanoTime();
                    double lossSum = 0;
                    double beta = 0;
                    for (int step = 0; step < stepsPerEpoch; step++) {
                        if (stopRequested()) {
                            reason = TrainingHistory.StopReason.CANCELLED;
                            break epochs;
                        }
                        int from = step * batchSize;
                        int count = Math.min(batchSize, n - from);
                        beta = schedule.weight(epoch - 1 + (double) step / stepsPerEpoch);
                        float loss;
                        try (NDScope scope = new NDScope()) {
                            scope.suppressNotUsedWarning();
                            Batch batch = batches.gather(order, from, count);
                            loss = training.step(binarization == null ? batch : binarization.draw(batch), noise,
                                    beta);
                        }
                        if (!Float.isFinite(loss)) {
                            throw new TrainingDivergedException(epoch, step + 1, loss, config.learningRate());
                        }
                        lossSum += (double) loss * count;
                        double seconds = (System.nanoTime() - start) / 1e9;
                        listener.onStep(new StepReport(epoch, config.epochs(), step + 1, stepsPerEpoch, loss,
                                (from + count) / Math.max(seconds, 1e-9)));
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double validationElbo = validationRows == null ? Double.NaN : validationElbo();
                    EpochReport report = new EpochReport(epoch, lossSum / n, validationElbo, beta, seconds,
                            n / seconds, training.drainStatistics());
                    reports.add(report);
                    listener.onEpoch(report);
                    if (validationRows == null) {
                        bestEpoch = epoch;
                        continue;
                    }
                    if (validationElbo > bestElbo) {
                        bestElbo = validationElbo;
                        bestEpoch = epoch;
                        bestParameters = snapshot(parameters);
                    } else if (epoch - bestEpoch >= config.patience()) {
                        reason = TrainingHistory.StopReason.EARLY_STOPPED;
                        break;
                    }
                }
            }
            if (bestParameters != null) {
                restore(parameters, bestParameters);
            }
            return new TrainingHistory(reports, bestEpoch, reason);
        }

        private boolean stopRequested() {
            return Thread.currentThread().isInterrupted() || listener.stopRequested();
        }

        private double validationElbo() {
            double[] elbo = vae.elboOfEncoded(validationRows, 7919L * (reports.size() + 1));
            double sum = 0;
            for (double v : elbo) {
                sum += v;
            }
            return sum / elbo.length;
        }
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static float[][] snapshot(List<Parameter> parameters) {
        float[][] copy = new float[parameters.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = parameters.get(i).getArray().toFloatArray();
        }
        return copy;
    }

    private static void restore(List<Parameter> parameters, float[][] values) {
        for (int i = 0; i < values.length; i++) {
            NativeArrays.overwrite(parameters.get(i).getArray(), values[i]);
        }
    }
}
