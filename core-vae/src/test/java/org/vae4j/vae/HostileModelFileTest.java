package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.io.ModelFile;
import org.vae4j.io.ModelFileTampering;
import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;

/**
 * A model file is untrusted input: a small hostile file is refused with a message naming what is wrong,
 * before anything of the size it declares is allocated.
 */
class HostileModelFileTest {

    /** More than any refusal needs, far less than the sizes the hostile files declare. */
    private static final long ALLOCATION_BUDGET = 16 << 20;

    /** Where the first section's body starts: magic, version, section count, the name "config", its length. */
    private static final int FIRST_SECTION_BODY = "VAE4J-MODEL\n".length() + 2 * Integer.BYTES + Short.BYTES
            + "config".length() + Long.BYTES;

    private static final Table TRAIN = Table.builder(Schema.numeric("x", 2)).addRow(new double[] {1, 2})
            .addRow(new double[] {2, 1}).addRow(new double[] {3, 5}).build();

    private static byte[] good;

    @BeforeAll
    static void trainASmallModel() {
        // Encoder 2 -> 3 -> 4 (two latent dimensions), decoder 2 -> 3 -> 2.
        try (Vae vae = new VaeTrainer(VaeConfig.builder().epochs(1).latentDim(2).hidden(List.of(3)).build())
                .fit(TRAIN)) {
            good = vae.toBytes();
        }
    }

    /** The message of the model-format refusal of {@code bytes}, checking that it allocated little. */
    private static String refusal(byte[] bytes) {
        return refusedCheaply(() -> Vae.fromBytes(bytes));
    }

    private static String refusedCheaply(Executable load) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        String message = assertThrows(ModelFormatException.class, load).getMessage();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes to refuse: " + message);
        return message;
    }

    @Test
    void anUntamperedFileLoadsWithTheSameParameters() {
        try (Vae original = Vae.fromBytes(good); Vae again = Vae.fromBytes(original.toBytes())) {
            assertArrayEquals(original.encodeMeans(TRAIN), again.encodeMeans(TRAIN));
            assertEquals(List.of("encoder.layer0.weight", "encoder.layer0.bias", "encoder.layer1.weight",
                    "encoder.layer1.bias", "decoder.layer0.weight", "decoder.layer0.bias", "decoder.layer1.weight",
                    "decoder.layer1.bias", "gaussianLogVariance"),
                    ModelFile.fromBytes(good).parameters().stream().map(NamedTensor::name).toList());
        }
    }

    @Test
    void aConfigurationWithoutARequiredOptionIsRefusedNamingIt() {
        String m = refusal(ModelFileTampering.withConfig(good, config -> config.remove("latentDim")));
        assertTrue(m.contains("option latentDim is missing"), m);
    }

    @Test
    void hugeDeclaredHiddenSizesAreRefusedBeforeAllocating() {
        String m = refusal(ModelFileTampering.withConfig(good, config -> {
            config.put("encoderHidden", "100000,100000");
            config.put("decoderHidden", "100000,100000");
        }));
        assertTrue(m.contains("option encoderHidden") && m.contains("(100000, 100000)"), m);
    }

    @Test
    void aHugeDeclaredLatentSizeIsRefusedBeforeAllocating() {
        String m = refusal(ModelFileTampering.withConfig(good, config -> config.put("latentDim", "1000000000")));
        assertTrue(m.contains("option latentDim") && m.contains("2000000000"), m);
    }

    @Test
    void aTensorDeclaringMoreValuesThanTheFileHoldsIsRefusedBeforeAllocating() {
        String m = refusal(ModelFileTampering.withDeclaredShape(good, "encoder.layer0.weight", 20_000, 20_000));
        assertTrue(m.contains("parameter encoder.layer0.weight: shape (20000, 20000) needs 1600000000 bytes")
                && m.contains("bytes left"), m);
        String limit = refusal(ModelFileTampering.withDeclaredShape(good, "encoder.layer0.weight", 50_000, 40_000));
        assertTrue(limit.contains("parameter encoder.layer0.weight") && limit.contains("limit of 2147483648 bytes"),
                limit);
        String overflow = refusal(ModelFileTampering.withDeclaredShape(good, "encoder.layer0.weight",
                Long.MAX_VALUE / 2, 3));
        assertTrue(overflow.contains("parameter encoder.layer0.weight") && overflow.contains("more values"), overflow);
    }

    @Test
    void aCountDeclaringMoreEntriesThanTheFileHoldsIsRefusedBeforeAllocating() {
        byte[] bytes = good.clone();
        ByteBuffer.wrap(bytes).putInt(FIRST_SECTION_BODY, 2_000_000_000);
        String m = refusal(ModelFileTampering.resign(bytes));
        assertTrue(m.contains("2000000000 configuration entries"), m);
    }

    @Test
    void aSectionDeclaringMoreBytesThanTheFileHoldsIsRefusedNamingIt() {
        byte[] bytes = good.clone();
        ByteBuffer.wrap(bytes).putLong(FIRST_SECTION_BODY - Long.BYTES, 1L << 40);
        String m = refusal(ModelFileTampering.resign(bytes));
        assertTrue(m.contains("section 'config'") && m.contains("1099511627776 bytes"), m);
    }

    @Test
    void aSectionOfALaterVersionIsSkippedAndAMissingOneIsNamed() {
        // Rename the first section: to this reader it is then an unknown section of a later version, which it
        // skips, and the configuration it held is missing.
        byte[] bytes = good.clone();
        byte[] name = "config".getBytes(StandardCharsets.US_ASCII);
        int nameAt = FIRST_SECTION_BODY - Long.BYTES - name.length;
        assertArrayEquals(name, Arrays.copyOfRange(bytes, nameAt, nameAt + name.length));
        System.arraycopy("futur".getBytes(StandardCharsets.US_ASCII), 0, bytes, nameAt, 5);
        String m = refusal(ModelFileTampering.resign(bytes));
        assertTrue(m.contains("no 'config' section"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"float16", "boolean"})
    void aParameterOfAnotherDtypeIsRefusedNamingIt(String dtype) {
        String m = refusal(ModelFileTampering.withDtype(good, "decoder.layer1.weight", dtype));
        assertTrue(m.contains("parameter decoder.layer1.weight: expected float32 values, found (2, 3) " + dtype), m);
    }

    @Test
    void aTransposedParameterIsRefusedNamingBothShapes() {
        String m = refusal(ModelFileTampering.withParameter(good, "encoder.layer0.weight",
                t -> new NamedTensor(t.name(), new long[] {2, 3}, t.values())));
        assertTrue(m.contains("parameter encoder.layer0.weight: expected shape (3, 2) float32, found (2, 3)"), m);
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY})
    void aNonFiniteParameterIsRefusedNamingIt(float bad) {
        String m = refusal(ModelFileTampering.withParameter(good, "decoder.layer0.bias", t -> {
            float[] values = t.values().clone();
            values[1] = bad;
            return new NamedTensor(t.name(), t.shape(), values);
        }));
        assertTrue(m.contains("parameter decoder.layer0.bias: value " + bad + " at index 1 is not finite"), m);
    }

    @Test
    void aMissingParameterIsRefusedNamingIt() {
        byte[] bytes = ModelFileTampering.withParameter(good, "gaussianLogVariance",
                t -> new NamedTensor("surplus", t.shape(), t.values()));
        String m = refusal(bytes);
        assertTrue(m.contains("expected parameter gaussianLogVariance, found surplus"), m);
    }

    @Test
    void aLargeFileIsStreamedInBoundedPiecesNotReadWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.vae");
        Files.write(file, "VAE4J-MODEL\n\0\0\0\2".getBytes(StandardCharsets.US_ASCII));
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(48L << 20);
        }
        String m = refusedCheaply(() -> Vae.load(file));
        assertTrue(m.contains("large.vae") && m.contains("checksum mismatch"), m);
    }

    @Test
    void refusalsOfAFileNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.vae");
        Files.write(file, ModelFileTampering.withParameter(good, "encoder.layer0.weight",
                t -> new NamedTensor(t.name(), new long[] {2, 3}, t.values())));
        String m = refusedCheaply(() -> Vae.load(file));
        assertTrue(m.startsWith(file + ": parameter encoder.layer0.weight: expected shape (3, 2)"), m);
    }
}
