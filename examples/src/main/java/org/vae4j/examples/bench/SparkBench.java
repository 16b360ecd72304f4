package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.examples.IdxFiles;
import org.vae4j.spark.VaeEstimator;
import org.vae4j.spark.VaeSparkModel;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;

/**
 * vae4j on Spark's local mode beside vae4j in one JVM, on Fashion-MNIST loaded as a DataFrame of vectors:
 * training with 1 and 2 partitions (test ELBO after the same epochs, seconds per epoch), then encoding a
 * million rows (the test images repeated) through {@code VaeSparkModel.transform} against
 * {@code Vae.encodeMeans} in one JVM on the same cores. Spark is a provided dependency; run with it on the
 * class path, e.g.
 * <pre>
 * mvn -q -o package -DskipTests -pl examples -am
 * mvn -q -o package dependency:build-classpath -DskipTests -pl plugin-spark -am -Dmdep.outputFile=/tmp/spark-cp.txt
 * . examples/bin/vae4j-env.sh
 * java -Xmx10g $OPENS -cp "examples/target/classes:examples/target/lib/*:$(cat /tmp/spark-cp.txt)" \
 *     org.vae4j.examples.bench.SparkBench --epochs 10
 * </pre>
 * where {@code $OPENS} is the root pom's {@code spark.java17.opens} (what Spark 3.5 needs opened on Java 17).
 * Prints {@code TRAIN peer=... test_elbo=... sec_per_epoch=...} and {@code ENCODE ... spark_slowdown=...} lines
 * (the checksums only keep the work from being skipped).
 */
public final class SparkBench {

    private SparkBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = Workload.declare(new BenchOptions("SparkBench"), 2, "all")
                .option("--master", "local[2]", "Spark master")
                .option("--local-steps", "50", "steps per partition per round of data-parallel training")
                .option("--encode-rows", "1000000", "rows to encode (the test images repeated)")
                .flag("--encode-only", "skip the Spark trainings (the one-JVM model is still trained, to encode with)");
        BenchRunner.run(options, args, o -> run(Workload.from(o), o.text("--master"), o.positiveInt("--local-steps"),
                o.positiveInt("--encode-rows"), o.flag("--encode-only")));
    }

    private static void run(Workload w, String master, int localSteps, int encodeRows, boolean encodeOnly)
            throws Exception {
        IdxFiles.OffHeapImages trainImages = w.trainImages();
        IdxFiles.OffHeapImages testImages = w.testImages();
        Table train = trainImages.table();
        System.out.println(w.describe("vae4j-spark", train.rows()));
        SparkSession spark = SparkSession.builder().master(master).appName("vae4j SparkBench")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            VaeConfig config = w.config();
            byte[] single = trainSingle(config, train, testImages);
            if (!encodeOnly) {
                Dataset<Row> trainFrame = frame(spark, trainImages).cache();
                trainFrame.count();
                for (int partitions : new int[] {1, 2}) {
                    trainSpark(config, trainFrame.repartition(partitions).cache(), partitions, localSteps, testImages);
                }
            }
            encode(spark, single, testImages, encodeRows);
        } finally {
            spark.stop();
        }
    }

    private static byte[] trainSingle(VaeConfig config, Table train, IdxFiles.OffHeapImages test) {
        long start = System.nanoTime();
        try (Vae vae = new VaeTrainer(config).listener(TrainingListener.NONE).fit(train)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double epochSeconds = vae.history().epochs().stream().mapToDouble(EpochReport::seconds).average().orElseThrow();
            System.out.printf("TRAIN peer=vae4j partitions=- epochs=%d test_elbo=%.2f sec_per_epoch=%.2f total_sec=%.1f%n",
                    config.epochs(), testElbo(vae, test), epochSeconds, seconds);
            return vae.toBytes();
        }
    }

    private static void trainSpark(VaeConfig config, Dataset<Row> frame, int partitions, int localSteps,
            IdxFiles.OffHeapImages test) {
        frame.count();
        VaeEstimator estimator = new VaeEstimator().setFeaturesCol("pixels").setLocalSteps(localSteps);
        config.toMap().forEach(estimator::setOption);
        long start = System.nanoTime();
        VaeSparkModel model = estimator.fit(frame);
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Vae vae = Vae.fromBytes(model.modelBytes())) {
            System.out.printf("TRAIN peer=vae4j-spark partitions=%d epochs=%d local_steps=%d rounds=%d test_elbo=%.2f "
                    + "sec_per_epoch=%.2f total_sec=%.1f%n", partitions, config.epochs(), localSteps,
                    vae.history().epochs().size(), testElbo(vae, test), seconds / config.epochs(), seconds);
        }
        frame.unpersist();
    }

    private static double testElbo(Vae vae, IdxFiles.OffHeapImages test) {
        Table table = Table.ofNumeric(vae.schema(), copy(test.table()), null);
        return Arrays.stream(vae.elbo(table, 1)).average().orElseThrow();
    }

    private static Dataset<Row> frame(SparkSession spark, IdxFiles.OffHeapImages images) {
        List<Row> rows = new ArrayList<>(images.count());
        for (int i = 0; i < images.count(); i++) {
            rows.add(RowFactory.create(vector(images.row(i))));
        }
        return spark.createDataFrame(rows, new StructType().add("pixels", SQLDataTypes.VectorType(), false));
    }

    private static Vector vector(float[] pixels) {
        double[] values = new double[pixels.length];
        for (int j = 0; j < values.length; j++) {
            values[j] = pixels[j];
        }
        return Vectors.dense(values);
    }

    private static void encode(SparkSession spark, byte[] modelFile, IdxFiles.OffHeapImages test, int rows) {
        Table testTable = test.table();
        try (Vae vae = Vae.fromBytes(modelFile)) {
            Table table = Table.ofNumeric(vae.schema(), copy(testTable), null);
            vae.encodeMeans(table);
            long start = System.nanoTime();
            double checksum = 0;
            for (int done = 0; done < rows; done += table.rows()) {
                checksum += vae.encodeMeans(table)[0][0];
            }
            double oneJvm = rows / ((System.nanoTime() - start) / 1e9);

            int count = test.count();
            float[][] images = new float[count][];
            for (int i = 0; i < count; i++) {
                images[i] = test.row(i);
            }
            Broadcast<float[][]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(images);
            int partitions = spark.sparkContext().defaultParallelism();
            Dataset<Row> repeated = spark.range(0, rows, 1, partitions).toDF("id").mapPartitions(
                    (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) ids -> new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return ids.hasNext();
                        }

                        @Override
                        public Row next() {
                            long id = ids.next().getLong(0);
                            return RowFactory.create(vector(shared.value()[(int) (id % shared.value().length)]));
                        }
                    }, org.apache.spark.sql.Encoders.row(new StructType().add("pixels", SQLDataTypes.VectorType(), false)));
            VaeSparkModel model = VaeSparkModel.fromBytes(modelFile).setFeaturesCol("pixels");
            model.transform(repeated.limit(1000)).count(); // warm-up: the executors load the model
            start = System.nanoTime();
            double sparkChecksum = model.transform(repeated).javaRDD()
                    .map(row -> ((Vector) row.get(row.size() - 1)).apply(0)).reduce(Double::sum);
            double viaSpark = rows / ((System.nanoTime() - start) / 1e9);
            System.out.printf("ENCODE rows=%d one_jvm_rows_per_sec=%.0f spark_rows_per_sec=%.0f spark_slowdown=%.2fx "
                    + "partitions=%d checksums=%.3f/%.3f%n", rows, oneJvm, viaSpark, oneJvm / viaSpark, partitions,
                    checksum, sparkChecksum);
        }
    }

    private static float[] copy(Table table) {
        float[] values = new float[table.rows() * table.width()];
        table.values().get(values);
        return values;
    }
}
