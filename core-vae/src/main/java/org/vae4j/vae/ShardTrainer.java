package org.vae4j.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import org.vae4j.data.Table;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.Adam;
import org.vae4j.infer.KlSchedule;
import org.vae4j.infer.NoiseSource;
import org.vae4j.infer.Permutations;
import org.vae4j.infer.TrainingContext;
import org.vae4j.infer.TrainingStep;
import org.vae4j.preprocess.EncodedRows;
import org.vae4j.preprocess.Preprocessor;

/**
 * The building blocks of synchronous data-parallel training, free of any cluster framework: the initial
 * {@link TrainingState}, a number of SVI steps on one worker's shard of the rows starting from a given
 * state, and the model a final state describes. A driver broadcasts a state, each worker runs
 * {@link #steps} on its shard, and the driver averages the results ({@link TrainingState#mean}).
 *
 * <p>{@link #steps} is a pure function of its arguments: the shard's row order in each of its epochs and
 * the reparameterisation noise come from the seed and the step numbers, so a worker that fails and is run
 * again returns exactly the same state, and a round is deterministic given the seed and the partitioning.
 * The preprocessing is fitted beforehand (from merged {@link org.vae4j.preprocess.TableSummary}s of the
 * shards), so every worker encodes its rows the same way. Validation hold-outs and early stopping are the
 * driver's business and not part of a step.
 */
public final class ShardTrainer {

    private final VaeConfig config;
    private final Preprocessor preprocessor;
    private final boolean maskInputs;
    private final long trainingRows;

    /**
     * Training of the networks {@code config} describes on rows encoded by {@code preprocessor}.
     *
     * @param maskInputs whether any training row has a missing cell (then the guide also reads the mask)
     * @param trainingRows the number of rows of all shards together (objectives that estimate the aggregate
     *     posterior from a mini-batch need it)
     * @throws IllegalArgumentException if {@code trainingRows} is below 1
     */
    public ShardTrainer(VaeConfig config, Preprocessor preprocessor, boolean maskInputs, long trainingRows) {
        if (trainingRows < 1) {
            throw new IllegalArgumentException("training needs at least one row, got " + trainingRows);
        }
        this.config = Objects.requireNonNull(config, "config");
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.maskInputs = maskInputs;
        this.trainingRows = trainingRows;
    }

    /** The configuration trained. */
    public VaeConfig config() {
        return config;
    }

    /**
     * The parameters initialised from the configuration's seed, with zero optimizer moments.
     *
     * @throws InvalidOptionException if the objective trains networks of its own (FactorVAE's discriminator),
     *     which a training state does not carry between rounds
     */
    public TrainingState initialState() {
        return Engines.withoutGradients(() -> {
            try (NDManager manager = Engines.pytorch().newBaseManager(Engines.resolve(config.device()))) {
                VaeNetworks networks = VaeNetworks.create(config, preprocessor, maskInputs, manager,
                        new Random(config.seed()));
                try (TrainingStep training = start(networks, manager, new Random(config.seed()))) {
                    return snapshot(networks, training.inferenceOptimizer(),
                            positions(TrainingContext.inferenceParameters(networks.guide(), networks.model()),
                                    networks.named()));
                }
            }
        });
    }

    /**
     * The objective's step for {@code networks}, refused when it trains networks a state cannot carry or has no
     * single optimizer over the inference parameters to carry.
     */
    private TrainingStep start(VaeNetworks networks, NDManager manager, Random random) {
        TrainingContext context = new TrainingContext(networks.guide(), networks.model(),
                new ParameterStore(manager, false), manager, random, trainingRows);
        TrainingStep training = VaeTrainer.procedure(config).start(context);
        try {
            training.inferenceOptimizer();
        } catch (UnsupportedOperationException e) {
            training.close();
            throw new InvalidOptionException("objective", config.objective().id() + ": " + e.getMessage(), e);
        }
        if (!training.trainingOnlyParameters().isEmpty()) {
            String example = training.trainingOnlyParameters().keySet().iterator().next();
            training.close();
            throw new InvalidOptionException("objective", config.objective().id() + " trains networks of its own ("
                    + example + ", ...) that data-parallel training does not carry between rounds; train it in one "
                    + "JVM", null);
        }
        return training;
    }

    /**
     * Takes {@code count} steps of the objective's procedure (mini-batches of {@code batchSize} rows, Adam, the
     * KL warm-up) on the rows of {@code shard}, starting from {@code from}. Step numbers count this shard's steps since training began:
     * step s falls in the shard's epoch {@code s / ceil(rows / batchSize)}, whose row order is drawn from
     * {@code seed} and that epoch, so consecutive calls continue where the last one stopped. The batch size is
     * the caller's: a driver averaging W shards gives each a W-th of the configured batch, so that an epoch
     * takes as many averaged steps of as many rows as training in one JVM does.
     *
     * @param batchSize rows per step on this shard (a shard of fewer rows steps with all of them)
     * @param seed the shard's seed (give each shard its own)
     * @param firstStep the number of steps this shard has taken before
     * @throws IllegalArgumentException for an empty shard, negative counts, a batch size below 1, a state of
     *     other parameters, or values the likelihood cannot model
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public Result steps(TrainingState from, Table shard, long firstStep, int count, int batchSize, long seed) {
        return steps(from, prepare(shard), firstStep, count, batchSize, seed);
    }

    /**
     * {@link #steps(TrainingState, Table, long, int, int, long)} on a shard encoded once beforehand, for a
     * worker that keeps its shard between rounds.
     *
     * @throws IllegalArgumentException for negative counts, a batch size below 1 or a state of other parameters
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public Result steps(TrainingState from, PreparedShard shard, long firstStep, int count, int batchSize, long seed) {
        if (firstStep < 0 || count < 0) {
            throw new IllegalArgumentException("step numbers must be >= 0, got first step " + firstStep + " and "
                    + count + " steps");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be >= 1, got " + batchSize);
        }
        return Engines.withoutGradients(() -> {
            synchronized (VaeTrainer.TRAINING_LOCK) {
                return run(from, shard.rows, firstStep, count, Math.min(batchSize, shard.rows()), seed);
            }
        });
    }

    /**
     * A shard's rows encoded by this trainer's preprocessing, checked once.
     *
     * @throws IllegalArgumentException for an empty shard or values the likelihood cannot model
     */
    public PreparedShard prepare(Table shard) {
        if (shard.rows() == 0) {
            throw new IllegalArgumentException("cannot train on an empty shard");
        }
        return new PreparedShard(preprocessor.encode(shard).withDirectValues());
    }

    /**
     * A shard's rows as the networks read them (see {@link #prepare}), in a direct buffer that every round's
     * tensors wrap in place instead of copying the shard again; Java memory, nothing to close.
     */
    public static final class PreparedShard {
        private final EncodedRows rows;

        private PreparedShard(EncodedRows rows) {
            this.rows = rows;
        }

        /** Number of rows. */
        public int rows() {
            return rows.rows();
        }
    }

    private Result run(TrainingState from, EncodedRows rows, long firstStep, int count, int batchSize, long seed) {
        try (NDManager manager = Engines.pytorch().newBaseManager(Engines.resolve(config.device()))) {
            VaeNetworks networks = networks(from, manager);
            try (TrainingStep training = start(networks, manager, new Random(RowSeeds.mix(seed)))) {
                int[] positions = positions(TrainingContext.inferenceParameters(networks.guide(), networks.model()),
                        networks.named());
                training.inferenceOptimizer().restore(from.optimizerSteps(),
                        inOptimizerOrder(from.firstMoments(), positions),
                        inOptimizerOrder(from.secondMoments(), positions));
                return steps(training, rows, firstStep, count, batchSize, seed, networks, manager, positions);
            }
        }
    }

    private Result steps(TrainingStep training, EncodedRows rows, long firstStep, int count, int batchSize, long seed,
            VaeNetworks networks, NDManager manager, int[] positions) {
        NoiseSource noise = new NoiseSource(RowSeeds.mix(seed ^ RowSeeds.mix(firstStep + 1)));
        KlSchedule schedule = new KlSchedule(config.beta(), config.warmupEpochs());
        int n = rows.rows();
        int stepsPerEpoch = (n + batchSize - 1) / batchSize;
        double lossSum = 0;
        long rowsSeen = 0;
        try (NDManager data = manager.newSubManager()) {
            MiniBatches batches = new MiniBatches(rows, data);
            long epoch = -1;
            int[] order = null;
            for (long step = firstStep; step < firstStep + count; step++) {
                if (step / stepsPerEpoch != epoch) {
                    epoch = step / stepsPerEpoch;
                    order = config.shuffle()
                            ? Permutations.of(n, new Random(RowSeeds.mix(seed + RowSeeds.mix(epoch))))
                            : VaeTrainer.identity(n);
                }
                int position = (int) (step % stepsPerEpoch);
                int start = position * batchSize;
                int size = Math.min(batchSize, n - start);
                double beta = schedule.weight(epoch + (double) position / stepsPerEpoch);
                float loss;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    loss = training.step(batches.gather(order, start, size), noise, beta);
                }
                if (!Float.isFinite(loss)) {
                    throw new TrainingDivergedException((int) epoch + 1, position + 1, loss, config.learningRate());
                }
                lossSum += (double) loss * size;
                rowsSeen += size;
            }
        }
        return new Result(snapshot(networks, training.inferenceOptimizer(), positions), lossSum, rowsSeen);
    }

    /**
     * For each parameter the optimizer holds, in its order, the parameter's position among the named ones: a
     * training state lists moments in model-file order, the procedure's optimizer in the guide's and model's.
     */
    private static int[] positions(List<Parameter> optimized, Map<String, Parameter> named) {
        List<Parameter> inNameOrder = new ArrayList<>(named.values());
        int[] positions = new int[optimized.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = inNameOrder.indexOf(optimized.get(i));
            if (positions[i] < 0) {
                throw new IllegalStateException("the optimizer holds a parameter the model file does not name");
            }
        }
        return positions;
    }

    private static float[][] inOptimizerOrder(float[][] inNameOrder, int[] positions) {
        float[][] reordered = new float[positions.length][];
        for (int i = 0; i < positions.length; i++) {
            reordered[i] = inNameOrder[positions[i]];
        }
        return reordered;
    }

    /**
     * The model a state describes, with this trainer's preprocessing.
     *
     * @param conditionFrequencies the relative frequency of each condition level in the training rows
     *     (empty when unconditional)
     * @throws IllegalArgumentException if the state holds other parameters than the networks have
     */
    public Vae model(TrainingState state, double[] conditionFrequencies, TrainingHistory history) {
        if (conditionFrequencies.length != preprocessor.schema().conditionCardinality()) {
            throw new IllegalArgumentException(conditionFrequencies.length + " condition frequencies for "
                    + preprocessor.schema().conditionCardinality() + " condition levels");
        }
        return Engines.withoutGradients(() -> {
            NDManager manager = Engines.pytorch().newBaseManager(Engines.resolve(config.device()));
            try {
                VaeNetworks networks = networks(state, manager);
                return new Vae(config, preprocessor, maskInputs, conditionFrequencies, history, manager, networks);
            } catch (RuntimeException | Error e) {
                manager.close();
                throw e;
            }
        });
    }

    private VaeNetworks networks(TrainingState state, NDManager manager) {
        VaeNetworks networks = VaeNetworks.create(config, preprocessor, maskInputs, manager, new Random(0));
        Map<String, Parameter> named = networks.named();
        if (!state.names().equals(new ArrayList<>(named.keySet()))) {
            throw new IllegalArgumentException("the training state holds parameters " + state.names()
                    + " but the networks have " + named.keySet());
        }
        float[][] values = state.values();
        int i = 0;
        for (Parameter p : named.values()) {
            NativeArrays.overwrite(p.getArray(), values[i++]);
        }
        return networks;
    }

    private static TrainingState snapshot(VaeNetworks networks, Adam adam, int[] positions) {
        Map<String, Parameter> named = networks.named();
        float[][] values = new float[named.size()][];
        int i = 0;
        for (Parameter p : named.values()) {
            values[i++] = p.getArray().toFloatArray();
        }
        float[][][] moments = adam.moments();
        float[][] first = new float[named.size()][];
        float[][] second = new float[named.size()][];
        for (int k = 0; k < positions.length; k++) {
            first[positions[k]] = moments[0][k];
            second[positions[k]] = moments[1][k];
        }
        return new TrainingState(new ArrayList<>(named.keySet()), values, first, second, adam.steps());
    }

    /**
     * What a worker's steps produced.
     *
     * @param state the state after the steps
     * @param lossSum the sum over the steps' rows of the loss (minus the objective), for the mean training loss
     * @param rows the number of rows the steps went through
     */
    public record Result(TrainingState state, double lossSum, long rows) implements java.io.Serializable {}
}
