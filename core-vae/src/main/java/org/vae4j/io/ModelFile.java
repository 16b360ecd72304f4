package org.vae4j.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;

/**
 * The vae4j model file: one self-describing, versioned binary file.
 *
 * <pre>
 *   "VAE4J-MODEL\n"  magic (12 bytes)
 *   int              format version
 *   ...              configuration, schema, preprocessing, history, parameter bytes (DataOutput encoding)
 *   32 bytes         SHA-256 of everything before it
 * </pre>
 *
 * Reading checks the magic, the version and the checksum before parsing anything, so a foreign, truncated
 * or corrupt file fails with a message saying which. Nothing in the file is ever executed or deserialised
 * as Java objects. Writing is atomic ({@link AtomicFile}), so an existing model is never lost to a failed
 * write.
 */
public final class ModelFile {

    /** The current format version. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "VAE4J-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;

    private ModelFile() {}

    /**
     * Writes the contents to {@code file} atomically (see {@link AtomicFile}).
     *
     * @throws FileWriteException naming the file and the cause; an existing model is then left intact
     */
    public static void write(Path file, ModelContents contents) throws IOException {
        byte[] bytes = toBytes(contents);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a model file.
     *
     * @throws ModelFormatException naming the file when it is not a readable vae4j model
     */
    public static ModelContents read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return fromBytes(bytes);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** The contents as model-file bytes. */
    public static byte[] toBytes(ModelContents contents) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            writeMap(out, contents.config());
            writeSchema(out, contents.schema());
            out.writeUTF(contents.numericLikelihood().name());
            writeDoubles(out, contents.means());
            writeDoubles(out, contents.scales());
            out.writeBoolean(contents.maskInputs());
            writeDoubles(out, contents.conditionFrequencies());
            writeHistory(out, contents.history());
            out.writeInt(contents.parameters().length);
            out.write(contents.parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = buffer.toByteArray();
        byte[] all = Arrays.copyOf(body, body.length + DIGEST_BYTES);
        System.arraycopy(sha256(body, body.length), 0, all, body.length, DIGEST_BYTES);
        return all;
    }

    /**
     * Parses model-file bytes.
     *
     * @throws ModelFormatException when the bytes are foreign, of another version, truncated or corrupt
     */
    public static ModelContents fromBytes(byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new ModelFormatException("not a vae4j model file (it does not start with the vae4j header)");
        }
        if (bytes.length < MAGIC.length + 4 + DIGEST_BYTES) {
            throw new ModelFormatException("the model file is truncated (" + bytes.length + " bytes)");
        }
        int version = ByteBuffer.wrap(bytes, MAGIC.length, 4).getInt();
        if (version != VERSION) {
            throw new ModelFormatException("unsupported model file version " + version
                    + " (this vae4j reads version " + VERSION + ")");
        }
        int bodyLength = bytes.length - DIGEST_BYTES;
        byte[] expected = Arrays.copyOfRange(bytes, bodyLength, bytes.length);
        if (!MessageDigest.isEqual(expected, sha256(bytes, bodyLength))) {
            throw new ModelFormatException("the model file is truncated or corrupt (checksum mismatch)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength))) {
            in.skipNBytes(MAGIC.length + 4L);
            Map<String, String> config = readMap(in);
            Schema schema = readSchema(in);
            NumericLikelihood likelihood = NumericLikelihood.valueOf(in.readUTF());
            double[] means = readDoubles(in);
            double[] scales = readDoubles(in);
            boolean maskInputs = in.readBoolean();
            double[] frequencies = readDoubles(in);
            TrainingHistory history = readHistory(in);
            byte[] parameters = new byte[checkedLength(in.readInt(), in.available())];
            in.readFully(parameters);
            if (in.available() != 0) {
                throw new ModelFormatException("the model file has " + in.available() + " unexpected trailing bytes");
            }
            return new ModelContents(config, schema, likelihood, means, scales, maskInputs, frequencies, history,
                    parameters);
        } catch (EOFException e) {
            throw new ModelFormatException("the model file is truncated", e);
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof ModelFormatException mfe) {
                throw mfe;
            }
            throw new ModelFormatException("the model file is malformed: " + e.getMessage(), e);
        }
    }

    private static int checkedLength(int length, int available) {
        if (length < 0 || length > available) {
            throw new ModelFormatException("the model file is malformed: a length of " + length
                    + " exceeds the " + available + " bytes left");
        }
        return length;
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int n = checkedLength(in.readInt(), in.available());
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }

    private static void writeSchema(DataOutputStream out, Schema schema) throws IOException {
        out.writeInt(schema.width());
        for (Column c : schema.features()) {
            writeColumn(out, c);
        }
        out.writeBoolean(schema.isConditional());
        if (schema.isConditional()) {
            writeColumn(out, schema.condition().orElseThrow());
        }
    }

    private static Schema readSchema(DataInputStream in) throws IOException {
        int n = checkedLength(in.readInt(), in.available());
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            columns.add(readColumn(in));
        }
        Column condition = in.readBoolean() ? readColumn(in) : null;
        return new Schema(columns, condition);
    }

    private static void writeColumn(DataOutputStream out, Column c) throws IOException {
        out.writeUTF(c.name());
        out.writeUTF(c.type().name());
        out.writeInt(c.levels().size());
        for (String level : c.levels()) {
            out.writeUTF(level);
        }
    }

    private static Column readColumn(DataInputStream in) throws IOException {
        String name = in.readUTF();
        ColumnType type = ColumnType.valueOf(in.readUTF());
        int n = checkedLength(in.readInt(), in.available());
        List<String> levels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            levels.add(in.readUTF());
        }
        return new Column(name, type, levels);
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = checkedLength(in.readInt(), in.available() / Double.BYTES);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static void writeHistory(DataOutputStream out, TrainingHistory history) throws IOException {
        out.writeInt(history.epochs().size());
        for (EpochReport e : history.epochs()) {
            out.writeInt(e.epoch());
            out.writeDouble(e.trainLoss());
            out.writeDouble(e.validationElbo());
            out.writeDouble(e.beta());
            out.writeDouble(e.seconds());
            out.writeDouble(e.samplesPerSecond());
        }
        out.writeInt(history.bestEpoch());
        out.writeUTF(history.stopReason().name());
    }

    private static TrainingHistory readHistory(DataInputStream in) throws IOException {
        int n = checkedLength(in.readInt(), in.available());
        List<EpochReport> epochs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            epochs.add(new EpochReport(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble()));
        }
        int best = in.readInt();
        return new TrainingHistory(epochs, best, TrainingHistory.StopReason.valueOf(in.readUTF()));
    }
}
