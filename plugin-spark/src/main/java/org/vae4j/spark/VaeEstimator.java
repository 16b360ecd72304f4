package org.vae4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.vae4j.vae.VaeConfig;

/**
 * Trains a vae4j VAE on a DataFrame, as a Spark ML {@code Estimator}: the inputs are numeric, boolean and
 * string columns ({@code inputCols}) or one vector column ({@code featuresCol}), optionally with a condition
 * column; every vae4j training option is a Param of the same name and default ({@link VaeConfig}), set as
 * text with {@link #setOption} or through the typed setters. {@code fit} trains data-parallel over the
 * DataFrame's partitions ({@code rounds} of {@code localSteps} steps per partition, parameters averaged after
 * each) and returns a {@link VaeSparkModel}.
 */
public final class VaeEstimator extends Estimator<VaeSparkModel> implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final ColumnParams columns;
    private final TrainingParams training;

    /** An estimator with the default Params. */
    public VaeEstimator() {
        this(Identifiable.randomUID("vaeEstimator"));
    }

    /** An estimator with the given identifier (Spark ML's convention, used when loading). */
    public VaeEstimator(String uid) {
        this.uid = uid;
        this.columns = new ColumnParams(this);
        this.training = new TrainingParams(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Param<?>[] params() {
        List<Param<?>> all = new ArrayList<>(columns.all());
        all.addAll(training.all());
        return all.toArray(new Param<?>[0]);
    }

    /** Sets the input columns (numeric, boolean or string). */
    public VaeEstimator setInputCols(String... names) {
        set(columns.inputCols, names);
        return this;
    }

    /** Reads every input from this vector column instead. */
    public VaeEstimator setFeaturesCol(String name) {
        set(columns.featuresCol, name);
        return this;
    }

    /** Trains a conditional VAE on this column's levels (string or integer). */
    public VaeEstimator setConditionCol(String name) {
        set(columns.conditionCol, name);
        return this;
    }

    /** The column of latent means the model appends (default {@code latent}). */
    public VaeEstimator setOutputCol(String name) {
        set(columns.outputCol, name);
        return this;
    }

    /**
     * Sets a vae4j training option by its name, as text ({@code "encoderHidden", "400,200"}); checked when
     * {@code fit} starts.
     *
     * @throws IllegalArgumentException for an unknown option name
     */
    public VaeEstimator setOption(String name, String value) {
        set(training.option(name), value);
        return this;
    }

    /** The Param of a vae4j training option. */
    public Param<String> option(String name) {
        return training.option(name);
    }

    /** See {@link VaeConfig#latentDim()}. */
    public VaeEstimator setLatentDim(int value) {
        return setOption("latentDim", Integer.toString(value));
    }

    /** Hidden widths of the encoder; the decoder's are the same, reversed. */
    public VaeEstimator setHidden(int... widths) {
        String text = String.join(",", Arrays.stream(widths).mapToObj(Integer::toString).toList());
        setOption("encoderHidden", text);
        List<String> reversed = new ArrayList<>(Arrays.asList(text.split(",")));
        Collections.reverse(reversed);
        return setOption("decoderHidden", String.join(",", reversed));
    }

    /** See {@link VaeConfig#epochs()}; with {@code rounds} 0, training runs enough rounds for them. */
    public VaeEstimator setEpochs(int value) {
        return setOption("epochs", Integer.toString(value));
    }

    /**
     * See {@link VaeConfig#batchSize()}: the rows of one averaged step, as in one JVM; each of W partitions
     * steps with a W-th of them.
     */
    public VaeEstimator setBatchSize(int value) {
        return setOption("batchSize", Integer.toString(value));
    }

    /** See {@link VaeConfig#learningRate()}. */
    public VaeEstimator setLearningRate(double value) {
        return setOption("learningRate", Double.toString(value));
    }

    /** See {@link VaeConfig#seed()}. */
    public VaeEstimator setSeed(long value) {
        return setOption("seed", Long.toString(value));
    }

    /** Rounds of training (0, the default: enough for the epochs). */
    public VaeEstimator setRounds(int value) {
        set(training.rounds, value);
        return this;
    }

    /** Steps each partition takes per round (default 50). */
    public VaeEstimator setLocalSteps(int value) {
        set(training.localSteps, value);
        return this;
    }

    /**
     * The schema of the fitted model's {@code transform} result.
     *
     * @throws IllegalArgumentException naming a missing or ill-typed column
     */
    @Override
    public StructType transformSchema(StructType schema) {
        RowCodec.validate(schema, columns.inputColumns(), columns.get(columns.featuresCol),
                columns.get(columns.conditionCol));
        return columns.appendOutputs(schema);
    }

    /**
     * Trains on the rows of {@code dataset}.
     *
     * @throws IllegalArgumentException naming the column, option or row that is wrong
     */
    @Override
    public VaeSparkModel fit(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        transformSchema(schema);
        VaeConfig config = training.config();
        Dataset<Row> data = dataset.toDF();
        String featuresCol = columns.get(columns.featuresCol);
        String conditionCol = columns.get(columns.conditionCol);
        List<String> inputCols = columns.inputColumns();
        int vectorWidth = featuresCol.isEmpty() ? 0 : vectorWidth(data, featuresCol);
        RowCodec codec = RowCodec.forTraining(schema, inputCols, featuresCol, conditionCol,
                levels(data, inputCols, conditionCol), vectorWidth);
        JavaRDD<Shard> shards = data.javaRDD()
                .mapPartitionsWithIndex((partition, rows) -> {
                    Shard shard = Shard.of(rows, codec, schema, partition);
                    return (shard == null ? List.<Shard>of() : List.of(shard)).iterator();
                }, false)
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
            byte[] model = new DataParallelTraining(context, config, (Integer) getOrDefault(training.rounds),
                    (Integer) getOrDefault(training.localSteps)).train(shards, codec);
            VaeSparkModel fitted = copyValues(new VaeSparkModel(Identifiable.randomUID("vaeSparkModel"), model),
                    ParamMap.empty());
            return fitted.setParent(this);
        } finally {
            shards.unpersist(false);
        }
    }

    private static int vectorWidth(Dataset<Row> data, String column) {
        List<Row> first = data.select(column).where(data.col(column).isNotNull()).limit(1).collectAsList();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("cannot train on empty data: featuresCol '" + column + "' has no rows");
        }
        return ((Vector) first.get(0).get(0)).size();
    }

    /** The levels of the string input columns and of the condition column, merged over the partitions. */
    private static Map<String, List<String>> levels(Dataset<Row> data, List<String> inputCols, String conditionCol) {
        StructType schema = data.schema();
        List<String> named = new ArrayList<>();
        for (String c : inputCols) {
            if (schema.apply(c).dataType() instanceof StringType) {
                named.add(c);
            }
        }
        boolean integralCondition = false;
        if (!conditionCol.isEmpty()) {
            named.add(conditionCol);
            integralCondition = !(schema.apply(conditionCol).dataType() instanceof StringType);
        }
        Map<String, List<String>> levels = new HashMap<>();
        if (named.isEmpty()) {
            return levels;
        }
        int n = named.size();
        ArrayList<TreeSet<String>> zero = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            zero.add(new TreeSet<>());
        }
        ArrayList<TreeSet<String>> seen = data.select(named.stream().map(data::col).toArray(Column[]::new))
                .javaRDD()
                .treeAggregate(zero, (sets, row) -> {
                    for (int i = 0; i < n; i++) {
                        if (!row.isNullAt(i)) {
                            sets.get(i).add(String.valueOf(row.get(i)));
                        }
                    }
                    return sets;
                }, (a, b) -> {
                    for (int i = 0; i < n; i++) {
                        a.get(i).addAll(b.get(i));
                    }
                    return a;
                });
        for (int i = 0; i < n; i++) {
            List<String> values = new ArrayList<>(seen.get(i));
            if (i == n - 1 && integralCondition) {
                values.sort(Comparator.comparingLong(Long::parseLong));
            }
            levels.put(named.get(i), values);
        }
        return levels;
    }

    @Override
    public VaeEstimator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Loads an estimator saved with {@code write().save(path)}. */
    public static VaeEstimator load(String path) {
        return new DefaultParamsReader<VaeEstimator>().load(path);
    }
}
