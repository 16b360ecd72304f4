package org.vae4j.vae;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

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
import org.vae4j.io.ModelContents;
import org.vae4j.io.ModelFile;
import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;
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
    /** The options a resumed run may set otherwise than the checkpoint's run: how long and where it trains. */
    private static final Set<String> RESUMABLE_CHANGES = Set.of(VaeOptions.EPOCHS.name(), VaeOptions.DEVICE.name());

    private final VaeConfig config;
    private TrainingListener listener = TrainingListener.NONE;
    private Path checkpointFile;

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
     * Writes a checkpoint to {@code file} after every epoch: the model with its history, plus what only training
     * needs (the objective's training-only networks, such as FactorVAE's discriminator, and every optimizer's
     * state), from which {@link #resume} continues. Each write is atomic, so a run stopped at any point leaves the
     * last whole epoch's checkpoint. A checkpoint loads with {@link Vae#load} like any model file.
     *
     * @throws InvalidOptionException (when training starts) if the objective's procedure does not name its
     *     optimizers, so that a checkpoint could not restore them
     */
    public VaeTrainer checkpoint(Path file) {
        this.checkpointFile = Objects.requireNonNull(file, "file");
        return this;
    }

    /**
     * Continues the training run a checkpoint saved, on the rows of {@code table} (those of the run it
     * continues), up to this trainer's number of epochs in all, the checkpoint's included. This trainer's
     * configuration must be the checkpoint's but for the epochs and the device. The model keeps the
     * checkpoint's preprocessing; its networks, training-only networks and optimizers continue from the
     * checkpoint's state, and the epochs' row order and noise are drawn from the seed and the number of epochs
     * done, so a resumed run is a continuation, not the uninterrupted run bit for bit. With a validation split,
     * the model returned is the best of the checkpoint's last epoch and the resumed ones.
     *
     * @throws ModelFormatException naming the file if it is not a readable vae4j model, holds no training state
     *     (a model saved for inference) or the training state of another objective or size
     * @throws InvalidOptionException naming the first option in which this configuration differs from the
     *     checkpoint's
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public Vae resume(Path checkpoint, Table table) throws IOException {
        ModelContents contents = ModelFile.read(checkpoint);
        Vae trained;
        try {
            trained = Vae.fromContents(contents);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(checkpoint + ": " + e.getMessage(), e);
        }
        try (Vae saved = trained) {
            checkSameRun(checkpoint, saved.config());
            return Engines.withoutGradients(() -> train(table, null, new Start(saved, contents.trainingTensors(),
                    checkpoint)));
        }
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
        return Engines.withoutGradients(() -> train(table, null, null));
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
        return Engines.withoutGradients(() -> train(train, validation, null));
    }

    /** Where a resumed run starts: the checkpoint's model, its training tensors, and the file, for messages. */
    private record Start(Vae saved, List<NamedTensor> trainingTensors, Path file) {

        int epochsDone() {
            return saved.history().epochs().size();
        }
    }

    private void checkSameRun(Path checkpoint, VaeConfig saved) {
        Map<String, String> wanted = config.toMap();
        for (Map.Entry<String, String> option : saved.toMap().entrySet()) {
            String name = option.getKey();
            if (!RESUMABLE_CHANGES.contains(name) && !option.getValue().equals(wanted.get(name))) {
                throw new InvalidOptionException(name, "is " + wanted.get(name) + " but the checkpoint " + checkpoint
                        + " was trained with " + option.getValue() + ": resumed training keeps the checkpoint's "
                        + "configuration (but its epochs and device)", null);
            }
        }
    }

    /** Trains from scratch ({@code start} null) or from a checkpoint; gradient recording is off. */
    private Vae train(Table table, Table givenValidation, Start start) {
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

        Preprocessor preprocessor = start != null ? start.saved().preprocessor()
                : Preprocessor.fit(train, config.numericLikelihood(), config.standardize(), config.columnTypes());
        EncodedRows trainRows = preprocessor.encode(train);
        EncodedRows validationRows = validation == null ? null : preprocessor.encode(validation);
        boolean maskInputs = start != null ? start.saved().maskInputs() : table.hasMissing();
        if (start != null) {
            // The resumed epochs draw from their own generator, not the one the first epochs drew from.
            random = new Random(RowSeeds.mix(config.seed() + start.epochsDone()));
        }

        Device device = Engines.resolve(config.device());
        NDManager manager = Engines.pytorch().newBaseManager(device);
        try {
            VaeNetworks networks = VaeNetworks.create(config, preprocessor, maskInputs, manager, random);
            if (start != null) {
                Map<String, Parameter> saved = start.saved().namedParameters();
                networks.named().forEach((name, p) -> NativeArrays.overwrite(p.getArray(),
                        saved.get(name).getArray().toFloatArray()));
            }
            double[] frequencies = start != null ? start.saved().conditionFrequencies() : frequencies(table);
            Vae vae = new Vae(config, preprocessor, maskInputs, frequencies, TrainingHistory.empty(), manager,
                    networks);
            TrainingHistory history;
            synchronized (TRAINING_LOCK) {
                history = new Run(vae, trainRows, validationRows, random, start).train();
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
        private final Start start;

        Run(Vae vae, EncodedRows trainRows, EncodedRows validationRows, Random random, Start start) {
            this.vae = vae;
            this.start = start;
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
            int firstEpoch = 1;
            if (start != null) {
                reports.addAll(start.saved().history().epochs());
                firstEpoch = reports.size() + 1;
                bestEpoch = reports.size();
                bestElbo = reports.isEmpty() ? bestElbo : reports.get(reports.size() - 1).validationElbo();
                bestParameters = validationRows == null ? null : snapshot(parameters);
            }
            TrainingHistory.StopReason reason = TrainingHistory.StopReason.COMPLETED;
            try (TrainingStep training = procedure(config).start(context); NDManager data = vae.manager().newSubManager()) {
                startFrom(training);
                MiniBatches batches = new MiniBatches(trainRows, data);
                epochs:
                for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
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
                    if (validationRows == null) {
                        bestEpoch = epoch;
                    } else if (validationElbo > bestElbo) {
                        bestElbo = validationElbo;
                        bestEpoch = epoch;
                        bestParameters = snapshot(parameters);
                    } else if (epoch - bestEpoch >= config.patience()) {
                        reason = TrainingHistory.StopReason.EARLY_STOPPED;
                    }
                    writeCheckpoint(training, new TrainingHistory(reports, bestEpoch, reason));
                    listener.onEpoch(report);
                    if (reason == TrainingHistory.StopReason.EARLY_STOPPED) {
                        break;
                    }
                }
            }
            if (bestParameters != null) {
                restore(parameters, bestParameters);
            }
            return new TrainingHistory(reports, bestEpoch, reason);
        }

        /** Checks that a checkpoint can be written, and restores the checkpoint a resumed run starts from. */
        private void startFrom(TrainingStep training) {
            if (checkpointFile != null) {
                try {
                    training.optimizers();
                } catch (UnsupportedOperationException e) {
                    throw new InvalidOptionException("objective", config.objective().id() + " cannot be "
                            + "checkpointed: " + e.getMessage(), e);
                }
            }
            if (start != null) {
                try {
                    TrainingCheckpoint.restore(training, vae.namedParameters(), start.trainingTensors());
                } catch (ModelFormatException e) {
                    throw new ModelFormatException(start.file() + ": " + e.getMessage(), e);
                }
            }
        }

        /**
         * Writes the checkpoint of the epoch just finished (the current parameters, which with a validation split
         * need not be the best epoch's), if one was asked for.
         */
        private void writeCheckpoint(TrainingStep training, TrainingHistory soFar) {
            if (checkpointFile == null) {
                return;
            }
            try {
                ModelFile.write(checkpointFile, vae.checkpointContents(soFar,
                        TrainingCheckpoint.of(training, vae.namedParameters())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
