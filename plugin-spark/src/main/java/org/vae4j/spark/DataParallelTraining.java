package org.vae4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.preprocess.Preprocessor;
import org.vae4j.preprocess.TableSummary;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.ShardTrainer;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.vae.TrainingState;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;

/**
 * Synchronous data-parallel training over the partitions of a DataFrame (parameter averaging, as
 * Deeplearning4j's Spark training does it). The preprocessing is fitted from per-partition
 * {@link TableSummary}s merged in a tree; then every round broadcasts the {@link TrainingState} (parameters
 * and Adam's moments), each partition takes {@code localSteps} steps on its rows ({@link ShardTrainer}), and
 * the driver averages the returned states in partition order.
 *
 * <p>The configured batch size is the rows of one averaged step, as in one JVM: each of W non-empty
 * partitions steps with {@code ceil(batchSize / W)} of its rows, so an epoch takes as many averaged steps as
 * training in one JVM does. (Giving every partition the whole batch would make each averaged step a W times
 * larger batch, and the same epochs W times fewer steps.)
 *
 * <p>A task is a pure function of the broadcast state, its partition's rows and a seed derived from the
 * configured seed and the partition's index: a task that Spark retries returns the same state, and the
 * averaged state never sees a half-finished or duplicated result (only the results of the successful
 * attempts are collected). Training is therefore deterministic given the seed and the partitioning.
 */
final class DataParallelTraining {

    private final JavaSparkContext context;
    private final VaeConfig config;
    private final int rounds;
    private final int localSteps;

    DataParallelTraining(JavaSparkContext context, VaeConfig config, int rounds, int localSteps) {
        if (config.validationFraction() > 0) {
            throw new InvalidOptionException("validationFraction", "is not supported by Spark training: hold rows "
                    + "out with randomSplit and score them with the model instead", null);
        }
        this.context = context;
        this.config = config;
        this.rounds = rounds;
        this.localSteps = localSteps;
    }

    /** A partition's result of one round. */
    private record PartitionResult(int partition, ShardTrainer.Result result) implements Serializable {}

    /**
     * Trains on the cached shards and returns the model file's bytes.
     *
     * @throws IllegalArgumentException if there are no rows, or values the likelihood cannot model
     */
    byte[] train(JavaRDD<Shard> shards, RowCodec codec) {
        List<Integer> sizes = shards.map(Shard::rows).collect();
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("cannot train on empty data: the DataFrame has no rows");
        }
        TableSummary summary = shards.map(s -> TableSummary.of(s.table(codec.schema()))).treeReduce(TableSummary::merge);
        Preprocessor preprocessor = summary.preprocessor(codec.schema(), config.numericLikelihood(),
                config.standardize(), config.columnTypes());
        checkRanges(summary, codec.schema());
        TrainerSpec spec = new TrainerSpec(config, codec, preprocessor, summary.hasMissing(),
                sizes.stream().mapToLong(Integer::longValue).sum());
        ShardTrainer trainer = spec.trainer();
        int largest = sizes.stream().max(Comparator.naturalOrder()).orElseThrow();
        int partitionBatch = partitionBatchSize(config.batchSize(), (int) sizes.stream().filter(n -> n > 0).count());
        int roundCount = rounds > 0 ? rounds : roundsForEpochs(largest, partitionBatch);

        TrainingState state = trainer.initialState();
        List<EpochReport> reports = new ArrayList<>();
        long seed = config.seed();
        int steps = localSteps;
        for (int round = 0; round < roundCount; round++) {
            long start = System.nanoTime();
            Broadcast<TrainingState> shared = context.broadcast(state);
            long firstStep = (long) round * steps;
            List<PartitionResult> results = new ArrayList<>(shards.mapPartitionsWithIndex(
                    (partition, rows) -> step(spec, shared, rows, partition, firstStep, steps, partitionBatch, seed),
                    false).collect());
            shared.destroy();
            results.sort(Comparator.comparingInt(PartitionResult::partition));
            List<TrainingState> states = new ArrayList<>(results.size());
            double lossSum = 0;
            long rowsSeen = 0;
            for (PartitionResult r : results) {
                states.add(r.result().state());
                lossSum += r.result().lossSum();
                rowsSeen += r.result().rows();
            }
            state = TrainingState.mean(states);
            double seconds = (System.nanoTime() - start) / 1e9;
            reports.add(new EpochReport(round + 1, lossSum / rowsSeen, Double.NaN, config.beta(), seconds,
                    rowsSeen / seconds));
        }
        TrainingHistory history = new TrainingHistory(reports, roundCount, TrainingHistory.StopReason.COMPLETED);
        try (Vae vae = trainer.model(state, summary.conditionFrequencies(), history)) {
            return vae.toBytes();
        }
    }

    private static Iterator<PartitionResult> step(TrainerSpec spec, Broadcast<TrainingState> state, Iterator<Shard> rows,
            int partition, long firstStep, int steps, int batchSize, long seed) {
        if (!rows.hasNext()) {
            return List.<PartitionResult>of().iterator();
        }
        Shard shard = rows.next();
        ShardTrainer trainer = spec.trainer();
        ShardTrainer.Result result = trainer.steps(state.value(), shard.prepared(trainer, spec.codec().schema()),
                firstStep, steps, batchSize, partitionSeed(seed, partition));
        return List.of(new PartitionResult(partition, result)).iterator();
    }

    /** A seed of its own for each partition (ShardTrainer mixes it further). */
    static long partitionSeed(long seed, int partition) {
        return seed * 0x9E3779B97F4A7C15L + partition + 1;
    }

    /** Each partition's share of the rows of one averaged step. */
    static int partitionBatchSize(int batchSize, int partitions) {
        return (batchSize + partitions - 1) / partitions;
    }

    /** Enough rounds for the configured epochs over the largest partition. */
    private int roundsForEpochs(int largestShard, int partitionBatch) {
        long stepsPerEpoch = (largestShard + (long) partitionBatch - 1) / partitionBatch;
        return (int) Math.max(1, (config.epochs() * stepsPerEpoch + localSteps - 1) / localSteps);
    }

    private void checkRanges(TableSummary summary, Schema schema) {
        if (config.numericLikelihood() != NumericLikelihood.BERNOULLI) {
            return;
        }
        for (int c = 0; c < schema.width(); c++) {
            if (schema.column(c).type() == ColumnType.NUMERIC
                    && (summary.minimum(c) < 0 || summary.maximum(c) > 1)) {
                throw new IllegalArgumentException("column '" + schema.column(c).name() + "': values range over ["
                        + summary.minimum(c) + ", " + summary.maximum(c) + "], outside [0, 1], which a Bernoulli "
                        + "likelihood needs");
            }
        }
    }
}
