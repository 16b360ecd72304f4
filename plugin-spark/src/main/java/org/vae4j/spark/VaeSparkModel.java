package org.vae4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;

import scala.Option;

/**
 * A trained VAE as a Spark ML {@code Model}: {@code transform} appends each row's latent means (and, where
 * their columns are named, standard deviations, reconstructions and anomaly scores), computed on the
 * executors a batch of rows at a time with one model per executor JVM; {@link #generate} makes synthetic
 * rows in parallel. It holds the vae4j model file itself, so a model trained by the command line, Weka or
 * Tribuo loads with {@link #fromModelFile}, and {@link #saveModelFile} gives them one trained here. Saved
 * with {@code write().save(path)} as Spark ML metadata plus that model file ({@code data/model.vae4j}).
 */
public final class VaeSparkModel extends Model<VaeSparkModel> implements MLWritable {

    private static final long serialVersionUID = 1L;
    private static final String MODEL_FILE = "data/model.vae4j";
    /** Rows per chunk of generated rows. */
    private static final int GENERATE_CHUNK_ROWS = 1024;

    private final String uid;
    private final byte[] modelBytes;
    private final ColumnParams columns;
    private transient Vae driverModel;
    private transient Broadcast<byte[]> broadcast;

    VaeSparkModel(String uid, byte[] modelBytes) {
        this.uid = uid;
        this.modelBytes = modelBytes.clone();
        this.columns = new ColumnParams(this);
    }

    /**
     * A model from the bytes of a vae4j model file.
     *
     * @throws org.vae4j.io.ModelFormatException if the bytes are not a valid vae4j model
     */
    public static VaeSparkModel fromBytes(byte[] modelFile) {
        VaeSparkModel model = new VaeSparkModel(Identifiable.randomUID("vaeSparkModel"), modelFile);
        model.vae();
        return model;
    }

    /**
     * A model from a vae4j model file on the driver's file system (as written by {@code vae4j train}, the Weka
     * filters or the Tribuo trainers).
     *
     * @throws IOException if the file cannot be read
     * @throws org.vae4j.io.ModelFormatException naming the file if it is not a valid vae4j model
     */
    public static VaeSparkModel fromModelFile(java.nio.file.Path file) throws IOException {
        try (Vae vae = Vae.load(file)) {
            return fromBytes(Files.readAllBytes(file));
        }
    }

    /** Writes the vae4j model file (atomically), for the command line, Weka or Tribuo. */
    public void saveModelFile(java.nio.file.Path file) throws IOException {
        vae().save(file);
    }

    /** The vae4j model file's bytes. */
    public byte[] modelBytes() {
        return modelBytes.clone();
    }

    /** The model on the driver, loaded on first use (for its schema and for saving). */
    private synchronized Vae vae() {
        if (driverModel == null) {
            driverModel = Vae.fromBytes(modelBytes);
        }
        return driverModel;
    }

    /** M, the number of latent dimensions (the size of the latent vectors). */
    public int latentDim() {
        return vae().latentDim();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Param<?>[] params() {
        return columns.all().toArray(new Param<?>[0]);
    }

    /** The input columns (default: the model's own column names). */
    public StringArrayParam inputCols() {
        return columns.inputCols;
    }

    /** Sets the input columns, in the model's column order. */
    public VaeSparkModel setInputCols(String... names) {
        set(columns.inputCols, names);
        return this;
    }

    /** Reads every input from this vector column instead. */
    public VaeSparkModel setFeaturesCol(String name) {
        set(columns.featuresCol, name);
        return this;
    }

    /** The condition column (default: the model's own). */
    public VaeSparkModel setConditionCol(String name) {
        set(columns.conditionCol, name);
        return this;
    }

    /** The column of latent means (default {@code latent}). */
    public VaeSparkModel setOutputCol(String name) {
        set(columns.outputCol, name);
        return this;
    }

    /** Also appends latent standard deviations in this column. */
    public VaeSparkModel setStdCol(String name) {
        set(columns.stdCol, name);
        return this;
    }

    /** Also appends reconstructions in this column. */
    public VaeSparkModel setReconstructionCol(String name) {
        set(columns.reconstructionCol, name);
        return this;
    }

    /** Also appends anomaly scores in this column. */
    public VaeSparkModel setAnomalyScoreCol(String name) {
        set(columns.anomalyScoreCol, name);
        return this;
    }

    /** Importance samples per row for anomaly scores (default 10). */
    public IntParam anomalySamples() {
        return columns.anomalySamples;
    }

    /** Rows per forward pass on the executors (default 1024). */
    public VaeSparkModel setBatchRows(int rows) {
        set(columns.batchRows, rows);
        return this;
    }

    private RowCodec codec(StructType data) {
        return RowCodec.forModel(vae().schema(), data, columns.inputColumns(), columns.get(columns.featuresCol),
                columns.get(columns.conditionCol));
    }

    /**
     * The schema of {@code transform}'s result.
     *
     * @throws IllegalArgumentException naming a missing or ill-typed input column, or an output column that
     *     already exists
     */
    @Override
    public StructType transformSchema(StructType schema) {
        codec(schema);
        return columns.appendOutputs(schema);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType input = dataset.schema();
        StructType output = transformSchema(input);
        EncodePartition.Outputs outputs = new EncodePartition.Outputs(!columns.get(columns.stdCol).isEmpty(),
                !columns.get(columns.reconstructionCol).isEmpty(),
                columns.get(columns.anomalyScoreCol).isEmpty() ? 0 : (Integer) getOrDefault(columns.anomalySamples),
                vae().config().seed());
        EncodePartition work = new EncodePartition(broadcast(dataset.sparkSession()), codec(input), input, outputs,
                (Integer) getOrDefault(columns.batchRows));
        return dataset.toDF().mapPartitions(work, Encoders.row(output));
    }

    private synchronized Broadcast<byte[]> broadcast(SparkSession spark) {
        if (broadcast == null) {
            broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(modelBytes);
        }
        return broadcast;
    }

    /**
     * {@code n} synthetic rows made in parallel, one range of rows per partition (the session's default
     * parallelism). Each row draws from its own generator, seeded by {@code seed} and the row's index, so the
     * rows are those {@code Vae.generate} makes with the same seed in one process, however many partitions
     * make them. A conditional model draws each row's condition from the training frequencies.
     */
    public Dataset<Row> generate(SparkSession spark, long n, long seed) {
        return generate(spark, n, null, seed);
    }

    /**
     * {@code n} synthetic rows of one condition level (conditional models only), as
     * {@link #generate(SparkSession, long, long)}.
     *
     * @throws IllegalArgumentException naming the level if the model does not know it
     */
    public Dataset<Row> generate(SparkSession spark, long n, String label, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("number of rows to generate must be >= 0, got " + n);
        }
        RowCodec codec = RowCodec.forOutput(vae().schema());
        int level = label == null ? -1 : codec.conditionLevel(label);
        int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
        List<long[]> ranges = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            ranges.add(new long[] {n / partitions * p + Math.min(p, n % partitions),
                n / partitions * (p + 1) + Math.min(p + 1, n % partitions)});
        }
        Broadcast<byte[]> model = broadcast(spark);
        var rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, partitions)
                .mapPartitions(range -> {
                    long[] rowsOfPartition = range.next();
                    long from = rowsOfPartition[0];
                    long count = rowsOfPartition[1] - from;
                    Vae vae = ExecutorModels.of(model);
                    Iterator<Table> chunks = level < 0 ? vae.generateRange(from, count, seed, GENERATE_CHUNK_ROWS)
                            : vae.generateRange(from, count, level, seed, GENERATE_CHUNK_ROWS);
                    return new ChunkRows(chunks, codec);
                });
        return spark.createDataFrame(rows, codec.generatedSchema());
    }

    /** The rows of generated tables, a table at a time. */
    private static final class ChunkRows implements Iterator<Row> {
        private final Iterator<Table> chunks;
        private final RowCodec codec;
        private Iterator<Row> chunk = List.<Row>of().iterator();

        ChunkRows(Iterator<Table> chunks, RowCodec codec) {
            this.chunks = chunks;
            this.codec = codec;
        }

        @Override
        public boolean hasNext() {
            while (!chunk.hasNext() && chunks.hasNext()) {
                chunk = codec.toRows(chunks.next()).iterator();
            }
            return chunk.hasNext();
        }

        @Override
        public Row next() {
            hasNext();
            return chunk.next();
        }
    }

    @Override
    public VaeSparkModel copy(ParamMap extra) {
        VaeSparkModel copy = copyValues(new VaeSparkModel(uid, modelBytes), extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** The reader of saved models (Spark ML's convention: {@code VaeSparkModel.read().load(path)}). */
    public static MLReader<VaeSparkModel> read() {
        return new Reader();
    }

    /** Loads a model saved with {@code write().save(path)}. */
    public static VaeSparkModel load(String path) {
        return read().load(path);
    }

    /** Writes the Params as Spark ML metadata and the vae4j model file beside them. */
    private static final class Writer extends MLWriter {
        private final VaeSparkModel instance;

        Writer(VaeSparkModel instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
            Path file = new Path(path, MODEL_FILE);
            try (OutputStream out = file.getFileSystem(sc().hadoopConfiguration()).create(file, true)) {
                out.write(instance.modelBytes);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads what {@link Writer} wrote; the model file is checked as any vae4j model file is. */
    private static final class Reader extends MLReader<VaeSparkModel> {
        @Override
        public VaeSparkModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(),
                    VaeSparkModel.class.getName());
            Path file = new Path(path, MODEL_FILE);
            byte[] bytes;
            try {
                FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
                long length = fs.getFileStatus(file).getLen();
                if (length > Integer.MAX_VALUE - 8) {
                    throw new IOException("the model file is " + length + " bytes, more than a model file can hold");
                }
                bytes = new byte[(int) length];
                try (InputStream in = fs.open(file)) {
                    org.apache.commons.io.IOUtils.readFully(in, bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
            }
            VaeSparkModel model = new VaeSparkModel(metadata.uid(), bytes);
            metadata.getAndSetParams(model, Option.empty());
            model.vae();
            return model;
        }
    }
}
