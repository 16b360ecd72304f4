package org.vae4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;

/** vae4j on Spark's local mode with two worker threads: one session for all of this class's tests. */
class VaeSparkTest {

    private static final StructType SCHEMA = new StructType()
            .add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType)
            .add("c", DataTypes.StringType)
            .add("label", DataTypes.IntegerType, false);

    private static SparkSession spark;
    private static List<Row> rows;
    private static Vae coreModel;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("vae4j-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", "target/spark-warehouse").getOrCreate();
        Random random = new Random(4);
        rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double z = random.nextGaussian();
            int label = random.nextInt(2);
            rows.add(RowFactory.create(2 + z + label, i % 37 == 0 ? null : -z + 0.2 * random.nextGaussian(),
                    z > 0 ? "up" : "down", label));
        }
        Table table = table(Schema.of(List.of(org.vae4j.data.Column.numeric("a"), org.vae4j.data.Column.numeric("b"),
                org.vae4j.data.Column.categorical("c", List.of("down", "up"))))
                .withCondition(org.vae4j.data.Column.categorical("label", List.of("0", "1"))));
        coreModel = new VaeTrainer(VaeConfig.builder().latentDim(2).hidden(List.of(8)).epochs(3).batchSize(32)
                .build()).fit(table);
    }

    @AfterAll
    static void stop() {
        coreModel.close();
        spark.stop();
    }

    private static Dataset<Row> data(int partitions) {
        return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
    }

    /** The test rows as a core table of the given schema (levels by name), in the original order. */
    private static Table table(Schema schema) {
        Table.Builder builder = Table.builder(schema);
        for (Row row : rows) {
            double b = row.isNullAt(1) ? Double.NaN : row.getDouble(1);
            builder.addRow(new double[] {row.getDouble(0), b, schema.column(2).levelIndex(row.getString(2))},
                    schema.condition().orElseThrow().levelIndex(Integer.toString(row.getInt(3))));
        }
        return builder.build();
    }

    private static VaeEstimator estimator() {
        return new VaeEstimator().setInputCols("a", "b", "c").setConditionCol("label").setLatentDim(2).setHidden(8)
                .setBatchSize(32).setLearningRate(1e-2).setSeed(7).setLocalSteps(10);
    }

    private static double meanElbo(byte[] model) {
        try (Vae vae = Vae.fromBytes(model)) {
            return Arrays.stream(vae.elbo(table(vae.schema()), 3)).average().orElseThrow();
        }
    }

    private static double[][] encode(byte[] model) {
        try (Vae vae = Vae.fromBytes(model)) {
            return vae.encodeMeans(table(vae.schema()));
        }
    }

    @Test
    void transformSchemaNamesTheBadColumn() {
        StructType schema = SCHEMA.add("when", DataTypes.DateType);
        String missing = assertThrows(IllegalArgumentException.class,
                () -> estimator().setInputCols("a", "nope").transformSchema(schema)).getMessage();
        assertTrue(missing.contains("'nope'") && missing.contains("inputCols"), missing);
        String typed = assertThrows(IllegalArgumentException.class,
                () -> estimator().setInputCols("a", "when").transformSchema(schema)).getMessage();
        assertTrue(typed.contains("'when'") && typed.contains("date"), typed);
        String vector = assertThrows(IllegalArgumentException.class,
                () -> estimator().setInputCols().setFeaturesCol("a").transformSchema(schema)).getMessage();
        assertTrue(vector.contains("'a'") && vector.contains("not a vector"), vector);
        String clash = assertThrows(IllegalArgumentException.class,
                () -> estimator().setOutputCol("c").transformSchema(schema)).getMessage();
        assertTrue(clash.contains("'c'") && clash.contains("already exists"), clash);
        VaeSparkModel model = VaeSparkModel.fromBytes(coreModel.toBytes());
        String modelMissing = assertThrows(IllegalArgumentException.class,
                () -> model.transformSchema(new StructType().add("a", DataTypes.DoubleType))).getMessage();
        assertTrue(modelMissing.contains("'b'") || modelMissing.contains("'label'"), modelMissing);
        String option = assertThrows(IllegalArgumentException.class,
                () -> estimator().setOption("latentDim", "zero").fit(data(1))).getMessage();
        assertTrue(option.contains("latentDim"), option);
    }

    @Test
    void aCoreModelFileTransformsAsCoreEncodesAndRoundTripsThroughSparkPersistence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("core.vae4j");
        coreModel.save(file);
        VaeSparkModel model = VaeSparkModel.fromModelFile(file).setStdCol("std").setAnomalyScoreCol("score");
        double[][] expected = coreModel.encode(table(coreModel.schema())).mean();
        assertTransformsTo(model, expected);

        String saved = dir.resolve("spark-model").toString();
        model.write().overwrite().save(saved);
        VaeSparkModel loaded = VaeSparkModel.load(saved);
        assertEquals("std", loaded.getOrDefault(loaded.getParam("stdCol")));
        assertArrayEquals(model.modelBytes(), loaded.modelBytes());
        assertTransformsTo(loaded, expected);
    }

    private static void assertTransformsTo(VaeSparkModel model, double[][] expected) {
        // One partition keeps the rows in their original order.
        List<Row> out = model.transform(spark.createDataFrame(rows, SCHEMA).coalesce(1)).collectAsList();
        assertEquals(expected.length, out.size());
        for (int r = 0; r < expected.length; r++) {
            Row row = out.get(r);
            assertArrayEquals(expected[r], ((Vector) row.getAs("latent")).toArray(), 1e-5, "row " + r);
            assertEquals(2, ((Vector) row.getAs("std")).size());
            assertTrue(Double.isFinite(row.<Double>getAs("score")));
        }
    }

    @Test
    void anEstimatorKeepsItsOptionsThroughSparkPersistence(@TempDir Path dir) throws Exception {
        VaeEstimator estimator = estimator().setOption("encoderHidden", "12,6").setRounds(3);
        String path = dir.resolve("estimator").toString();
        estimator.write().save(path);
        VaeEstimator loaded = VaeEstimator.load(path);
        assertEquals("12,6", loaded.getOrDefault(loaded.option("encoderHidden")));
        assertEquals("0.01", loaded.getOrDefault(loaded.option("learningRate")));
        assertEquals(3, (Integer) loaded.getOrDefault(loaded.getParam("rounds")));
        assertArrayEquals(new String[] {"a", "b", "c"}, (String[]) loaded.getOrDefault(loaded.getParam("inputCols")));
        assertEquals(VaeConfig.builder().build().toMap().get("beta"), loaded.getOrDefault(loaded.option("beta")));
        assertThrows(IllegalArgumentException.class, () -> loaded.setOption("latentDims", "3"));
    }

    @Test
    void generateMakesTheRowsOfCoreGenerateWithDistinctRowsPerPartition() {
        VaeSparkModel model = VaeSparkModel.fromBytes(coreModel.toBytes());
        Dataset<Row> generated = model.generate(spark, 40, 5);
        assertEquals(2, generated.rdd().getNumPartitions());
        List<Row> rowsOut = generated.collectAsList();
        Table expected = coreModel.generate(40, 5);
        assertEquals(40, rowsOut.size());
        for (int r = 0; r < 40; r++) {
            assertEquals(expected.value(r, 0), rowsOut.get(r).getDouble(0), 1e-5, "row " + r);
            assertEquals(List.of("down", "up").get((int) expected.value(r, 2)), rowsOut.get(r).getString(2));
        }
        assertNotEquals(rowsOut.get(0).getDouble(0), rowsOut.get(20).getDouble(0));
        List<Row> ones = model.generate(spark, 10, "1", 5).collectAsList();
        assertTrue(ones.stream().allMatch(row -> row.getString(3).equals("1")));
        assertThrows(IllegalArgumentException.class, () -> model.generate(spark, 10, "7", 5));
    }

    @Test
    void trainingOnOneAndTwoPartitionsLearnsAndIsDeterministicGivenSeedAndPartitioning() {
        double untrained = meanElbo(estimator().setRounds(1).setLocalSteps(1).fit(data(2)).modelBytes());
        byte[] one = estimator().setRounds(8).fit(data(1)).modelBytes();
        byte[] two = estimator().setRounds(8).fit(data(2)).modelBytes();
        double elboOne = meanElbo(one);
        double elboTwo = meanElbo(two);
        assertTrue(elboOne > untrained + 0.2, "1 partition: ELBO " + untrained + " -> " + elboOne);
        assertTrue(elboTwo > untrained + 0.2, "2 partitions: ELBO " + untrained + " -> " + elboTwo);

        double[][] again = encode(estimator().setRounds(8).fit(data(2)).modelBytes());
        double[][] first = encode(two);
        for (int r = 0; r < first.length; r++) {
            assertArrayEquals(first[r], again[r], 0, "row " + r);
        }
        assertFalse(Arrays.equals(first[0], encode(estimator().setRounds(8).setSeed(8).fit(data(2)).modelBytes())[0]));
    }

    @Test
    void theBatchSizeIsSharedOutSoAnEpochOnTwoPartitionsTakesAsManyAveragedStepsAsInOneJvm() {
        Dataset<Row> two = data(2).cache();
        int largest = two.javaRDD().glom().map(List::size).collect().stream().max(Integer::compare).orElseThrow();
        int epochs = 2;
        try (Vae vae = Vae.fromBytes(estimator().setEpochs(epochs).setLocalSteps(1).fit(two).modelBytes())) {
            // 16 rows per partition per step: the batch size of 32 split over two partitions.
            assertEquals(epochs * ((largest + 15) / 16), vae.history().epochs().size());
        }
        try (Vae vae = Vae.fromBytes(estimator().setEpochs(epochs).setLocalSteps(1).fit(data(1)).modelBytes())) {
            assertEquals(epochs * ((rows.size() + 31) / 32), vae.history().epochs().size());
        }
        two.unpersist();
    }
}
