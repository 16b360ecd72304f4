package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.io.ModelFormatException;
import org.vae4j.preprocess.NumericLikelihood;

/** Bad input fails early with a message that names the row, column, option or file problem. */
class BadInputTest {

    private static final Schema SCHEMA = Schema.of(List.of(Column.numeric("height"),
            Column.categorical("colour", List.of("red", "green"))));

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void infiniteValuesNameTheirRowAndColumn() {
        Table.Builder builder = Table.builder(SCHEMA).addRow(new double[] {1, 0});
        String m = message(() -> builder.addRow(new double[] {Double.POSITIVE_INFINITY, 1}));
        assertTrue(m.contains("row 2") && m.contains("height"), m);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {1e300, -1e39})
    void valuesBeyondFloatRangeAreRefusedNamingTheirRowAndColumn(double value) {
        Table.Builder builder = Table.builder(SCHEMA).addRow(new double[] {1, 0});
        String m = message(() -> builder.addRow(new double[] {value, 1}));
        assertTrue(m.contains("row 2, column 'height': value " + value + " exceeds float range"), m);
    }

    @Test
    void tableSizesBeyondOneArrayAreRefusedWithAMessage() {
        String m = message(() -> Table.builder(Schema.numeric("x", 100_000), 100_000));
        assertTrue(m.contains("100000 rows x 100000 columns") && m.contains("cells"), m);
    }

    @Test
    void networksTooLargeForTheDataAreRefusedBeforeTraining() {
        Table wide = Table.builder(Schema.numeric("p", 6000)).addRow(new double[6000]).build();
        VaeConfig config = VaeConfig.builder().epochs(1).hidden(List.of(100_000)).build();
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> new VaeTrainer(config).fit(wide));
        assertEquals("encoderHidden", e.option());
        assertTrue(e.getMessage().contains("(100000, 6000)") && e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void dataWithOrWithoutAConditionTheModelDoesNotHaveIsRefused() {
        Schema plain = Schema.numeric("x", 2);
        Schema conditional = plain.withCondition(Column.categorical("y", List.of("a", "b")));
        Table unconditionalRows = Table.builder(plain).addRow(new double[] {1, 2}).addRow(new double[] {2, 1}).build();
        Table conditionalRows = Table.builder(conditional).addRow(new double[] {1, 2}, 0).addRow(new double[] {2, 1}, 1)
                .build();
        VaeConfig config = VaeConfig.builder().epochs(1).latentDim(1).build();
        try (Vae unconditional = new VaeTrainer(config).fit(unconditionalRows);
                Vae conditionalVae = new VaeTrainer(config).fit(conditionalRows)) {
            String m = message(() -> unconditional.encode(conditionalRows));
            assertTrue(m.contains("condition column 'y'") && m.contains("unconditional"), m);
            m = message(() -> conditionalVae.encode(unconditionalRows));
            assertTrue(m.contains("conditional on 'y'") && m.contains("no condition column"), m);
            Schema otherLevels = plain.withCondition(Column.categorical("y", List.of("a", "c")));
            Table other = Table.builder(otherLevels).addRow(new double[] {1, 2}, 1).build();
            m = message(() -> conditionalVae.elbo(other, 1));
            assertTrue(m.contains("condition column") && m.contains("differs"), m);
        }
    }

    @Test
    void conditionsForAnUnconditionalModelAndImpossibleRowCountsAreRefused() {
        Table train = Table.builder(SCHEMA).addRow(new double[] {1, 0}).addRow(new double[] {2, 1}).build();
        try (Vae vae = new VaeTrainer(VaeConfig.builder().epochs(1).latentDim(2).build()).fit(train)) {
            String m = message(() -> vae.decode(new double[][] {{0, 0}}, new int[] {1}));
            assertTrue(m.contains("unconditional"), m);
            String count = message(() -> vae.generate(Integer.MAX_VALUE, 1));
            assertTrue(count.contains("rows x 3 columns") && count.contains("cells"), count);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {Double.NaN, Double.NEGATIVE_INFINITY, 1e39})
    void latentRowsThatAreNotFiniteFloatsAreRefusedNamingTheRow(double bad) {
        Table train = Table.builder(SCHEMA).addRow(new double[] {1, 0}).addRow(new double[] {2, 1}).build();
        try (Vae vae = new VaeTrainer(VaeConfig.builder().epochs(1).latentDim(2).build()).fit(train)) {
            String m = message(() -> vae.decode(new double[][] {{0, 0}, {0.5, bad}}, null));
            assertTrue(m.contains("latent row 2") && m.contains(Double.toString(bad)), m);
        }
    }

    @Test
    void nanMarksAMissingCellRatherThanFailing() {
        Table t = Table.builder(SCHEMA).addRow(new double[] {Double.NaN, 1}).build();
        assertTrue(t.isMissing(0, 0));
        assertTrue(Double.isNaN(t.row(0)[0]));
    }

    @Test
    void wrongWidthIsReported() {
        String m = message(() -> Table.builder(SCHEMA).addRow(new double[] {1, 0, 5}));
        assertTrue(m.contains("wrong width") && m.contains("expected 2"), m);
        String flat = message(() -> Table.ofNumeric(Schema.numeric("p", 3), new float[7], null));
        assertTrue(flat.contains("wrong width"), flat);
    }

    @Test
    void unknownCategoricalLevelsAndIndicesAreReported() {
        String m = message(() -> SCHEMA.column(1).levelIndex("purple"));
        assertTrue(m.contains("colour") && m.contains("purple"), m);
        String index = message(() -> Table.builder(SCHEMA).addRow(new double[] {1, 2}));
        assertTrue(index.contains("colour") && index.contains("row 1"), index);
    }

    @Test
    void emptyDataIsRefused() {
        String m = message(() -> new VaeTrainer(VaeConfig.builder().build()).fit(Table.builder(SCHEMA).build()));
        assertTrue(m.contains("empty"), m);
    }

    @Test
    void bernoulliNumericValuesOutsideTheUnitIntervalAreRefused() {
        Table t = Table.builder(Schema.numeric("pixel", 2)).addRow(new double[] {0.5, 1.5}).build();
        VaeConfig config = VaeConfig.builder().numericLikelihood(NumericLikelihood.BERNOULLI).standardize(false)
                .epochs(1).build();
        String m = message(() -> new VaeTrainer(config).fit(t));
        assertTrue(m.contains("pixel1") && m.contains("[0, 1]"), m);
    }

    @Test
    void bernoulliValuesOutsideTheUnitIntervalAreFoundInOffHeapTablesToo() {
        int width = 3;
        int rows = 5000; // more than one block of the native scan
        ByteBuffer values = ByteBuffer.allocateDirect(rows * width * Float.BYTES).order(ByteOrder.nativeOrder());
        for (int i = 0; i < rows * width; i++) {
            values.putFloat(i * Float.BYTES, (i % 7) / 7f);
        }
        values.putFloat((4321 * width + 2) * Float.BYTES, -0.25f);
        values.putFloat((4500 * width + 1) * Float.BYTES, 2f); // a later bad value: the first one is named
        Table t = Table.ofNumeric(Schema.numeric("pixel", width), values, null);
        VaeConfig config = VaeConfig.builder().numericLikelihood(NumericLikelihood.BERNOULLI).standardize(false)
                .epochs(1).build();
        String m = message(() -> new VaeTrainer(config).fit(t));
        assertTrue(m.contains("row 4322") && m.contains("pixel2") && m.contains("-0.25"), m);
    }

    @Test
    void dataWithOtherColumnsThanTheModelIsRefused() {
        Table train = Table.builder(SCHEMA).addRow(new double[] {1, 0}).addRow(new double[] {2, 1}).build();
        try (Vae vae = new VaeTrainer(VaeConfig.builder().epochs(1).latentDim(1).build()).fit(train)) {
            Table other = Table.builder(Schema.numeric("x", 2)).addRow(new double[] {1, 2}).build();
            String m = message(() -> vae.encode(other));
            assertTrue(m.contains("differ"), m);
            // The preprocessor remembers the last schema it accepted; an equal copy is accepted, and a
            // different schema is still refused after it.
            Schema copy = Schema.of(List.copyOf(SCHEMA.features()));
            assertEquals(1, vae.encode(Table.builder(copy).addRow(new double[] {3, 1}).build()).rows());
            assertTrue(message(() -> vae.encode(other)).contains("differ"));
        }
    }

    static Stream<Arguments> invalidOptions() {
        return Stream.of(
                Arguments.of("latentDim", (Consumer<VaeConfig.Builder>) b -> b.latentDim(0)),
                Arguments.of("encoderHidden", (Consumer<VaeConfig.Builder>) b -> b.encoderHidden(List.of(10, -1))),
                Arguments.of("encoderHidden", (Consumer<VaeConfig.Builder>) b -> b.hidden(List.of(100_000, 100_000))),
                Arguments.of("decoderHidden", (Consumer<VaeConfig.Builder>) b -> b.decoderHidden(List.of(30_000, 30_000))),
                Arguments.of("latentDim", (Consumer<VaeConfig.Builder>) b -> b.latentDim(Integer.MAX_VALUE)),
                Arguments.of("epochs", (Consumer<VaeConfig.Builder>) b -> b.epochs(0)),
                Arguments.of("batchSize", (Consumer<VaeConfig.Builder>) b -> b.batchSize(0)),
                Arguments.of("learningRate", (Consumer<VaeConfig.Builder>) b -> b.learningRate(Double.NaN)),
                Arguments.of("beta", (Consumer<VaeConfig.Builder>) b -> b.beta(-1)),
                Arguments.of("warmupEpochs", (Consumer<VaeConfig.Builder>) b -> b.warmupEpochs(Double.POSITIVE_INFINITY)),
                Arguments.of("freeBits", (Consumer<VaeConfig.Builder>) b -> b.freeBits(-0.1)),
                Arguments.of("objective", (Consumer<VaeConfig.Builder>) b -> b.objective("iwae:k=0")),
                Arguments.of("validationFraction", (Consumer<VaeConfig.Builder>) b -> b.validationFraction(1.0)),
                Arguments.of("patience", (Consumer<VaeConfig.Builder>) b -> b.patience(0)));
    }

    @ParameterizedTest
    @MethodSource("invalidOptions")
    void invalidOptionsAreNamed(String option, Consumer<VaeConfig.Builder> change) {
        VaeConfig.Builder builder = VaeConfig.builder();
        // A spec is parsed, and refused, as soon as it is set; a typed value when the configuration is built.
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> {
            change.accept(builder);
            builder.build();
        });
        assertEquals(option, e.option());
        assertTrue(e.getMessage().startsWith("option " + option + " "), e.getMessage());
    }

    @Test
    void layerListsWithEmptyEntriesAndValidationWithoutTrainingRowsAreNamedOptions() {
        InvalidOptionException layers = assertThrows(InvalidOptionException.class,
                () -> VaeConfig.fromMap(Map.of("encoderHidden", ",")));
        assertEquals("encoderHidden", layers.option());
        Table two = Table.builder(SCHEMA).addRow(new double[] {1, 0}).build();
        VaeTrainer trainer = new VaeTrainer(VaeConfig.builder().epochs(1).validationFraction(0.9).build());
        InvalidOptionException split = assertThrows(InvalidOptionException.class, () -> trainer.fit(two).close());
        assertEquals("validationFraction", split.option());
    }

    @Test
    void malformedOptionStringsAreNamed() {
        String m = message(() -> VaeConfig.fromMap(Map.of("epochs", "ten")));
        assertTrue(m.contains("epochs") && m.contains("ten"), m);
        String unknown = message(() -> VaeConfig.fromMap(Map.of("epoch", "10")));
        assertTrue(unknown.contains("option epoch is unknown"), unknown);
        InvalidOptionException device = assertThrows(InvalidOptionException.class,
                () -> VaeConfig.fromMap(Map.of("device", "tpu")));
        assertEquals("device", device.option());
    }

    @Test
    void askingForAGpuWithoutOneSaysWhy() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.vae4j.engine.Engines.pytorch().getGpuCount() == 0,
                "this machine has a GPU");
        Table train = Table.builder(SCHEMA).addRow(new double[] {1, 0}).build();
        VaeConfig config = VaeConfig.builder().epochs(1).device(org.vae4j.engine.DeviceChoice.GPU).build();
        String m = assertThrows(org.vae4j.engine.DeviceUnavailableException.class,
                () -> new VaeTrainer(config).fit(train)).getMessage();
        assertTrue(m.contains("no GPU") && m.contains("cuda"), m);
    }

    @Test
    void configRoundTripsThroughItsMap() {
        VaeConfig config = VaeConfig.builder().latentDim(7).hidden(List.of(30, 20)).beta(2.5).seed(99).build();
        assertEquals(config, VaeConfig.fromMap(config.toMap()).build());
        assertEquals(List.of(20, 30), config.decoderHidden());
    }

    @Test
    void foreignTruncatedAndCorruptModelFilesAreRecognised(@TempDir Path dir) throws Exception {
        Table train = Table.builder(SCHEMA).addRow(new double[] {1, 0}).addRow(new double[] {2, 1}).build();
        byte[] good;
        try (Vae vae = new VaeTrainer(VaeConfig.builder().epochs(1).latentDim(1).build()).fit(train)) {
            good = vae.toBytes();
        }
        Path foreign = dir.resolve("foreign.vae");
        Files.writeString(foreign, "<html>not a model</html>");
        String m = assertThrows(ModelFormatException.class, () -> Vae.load(foreign)).getMessage();
        assertTrue(m.contains("foreign.vae") && m.contains("not a vae4j model"), m);

        Path truncated = dir.resolve("truncated.vae");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        m = assertThrows(ModelFormatException.class, () -> Vae.load(truncated)).getMessage();
        assertTrue(m.contains("truncated"), m);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        m = assertThrows(ModelFormatException.class, () -> Vae.fromBytes(flipped)).getMessage();
        assertTrue(m.contains("corrupt"), m);

        byte[] future = good.clone();
        future[15] = 9;
        m = assertThrows(ModelFormatException.class, () -> Vae.fromBytes(future)).getMessage();
        assertTrue(m.contains("version 9"), m);
    }

    @Test
    void savingOverAModelReplacesItWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Table train = Table.builder(SCHEMA).addRow(new double[] {1, 0}).addRow(new double[] {2, 1}).build();
        Path file = dir.resolve("model.vae");
        try (Vae first = new VaeTrainer(VaeConfig.builder().epochs(1).latentDim(1).seed(1).build()).fit(train);
                Vae second = new VaeTrainer(VaeConfig.builder().epochs(1).latentDim(2).seed(2).build()).fit(train)) {
            first.save(file);
            second.save(file);
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList());
            }
            try (Vae loaded = Vae.load(file)) {
                assertEquals(2, loaded.latentDim());
            }
            Path blocked = dir.resolve("blocked");
            Files.createDirectory(blocked);
            Files.writeString(blocked.resolve("x"), "keep");
            assertThrows(java.io.IOException.class, () -> first.save(blocked));
            assertEquals("keep", Files.readString(blocked.resolve("x")), "a failed save leaves what was there");
        }
    }
}
