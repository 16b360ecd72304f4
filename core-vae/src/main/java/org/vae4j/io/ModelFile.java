package org.vae4j.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
import org.vae4j.vae.ParameterShapes;
import org.vae4j.vae.TrainingHistory;

/**
 * The vae4j model file: one self-describing, versioned binary file.
 *
 * <pre>
 *   "VAE4J-MODEL\n"  magic (12 bytes)
 *   int              format version
 *   ...              configuration, schema, preprocessing, history (DataOutput encoding)
 *   int              number of parameter tensors, then per tensor: name, "float32", rank, dimensions (longs),
 *                    the values (big-endian floats)
 *   32 bytes         SHA-256 of everything before it
 * </pre>
 *
 * A model file is untrusted input. Reading checks the magic, the version and the checksum (streamed, in
 * bounded pieces) before parsing anything, so a foreign, truncated or corrupt file fails with a message saying
 * which; then every count, length and tensor shape the file declares is checked against the bytes left in it,
 * and the parameters against {@link ParameterShapes#MAX_PARAMETER_BYTES}, before anything is allocated.
 * Parameters must be float32 and finite. Nothing in the file is ever executed or deserialised as Java
 * objects. Writing is atomic ({@link AtomicFile}), so an existing model is never lost to a
 * failed write.
 */
public final class ModelFile {

    /** The current format version. */
    public static final int VERSION = 2;

    private static final byte[] MAGIC = "VAE4J-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    private static final int HEADER_BYTES = MAGIC.length + Integer.BYTES;
    /** Bytes per piece when streaming a file through the checksum and the parser. */
    private static final int CHUNK_BYTES = 1 << 16;
    /** The most dimensions a parameter tensor may declare. */
    private static final int MAX_RANK = 8;
    /** The fewest bytes an entry of each kind takes: a count of entries is checked against the bytes left. */
    private static final int MIN_ENTRY_BYTES = 4;
    private static final int MIN_COLUMN_BYTES = 8;
    private static final int MIN_EPOCH_BYTES = 44;
    private static final int MIN_TENSOR_BYTES = 8;

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
     * Reads a model file, streaming it in bounded pieces (it is never held in memory whole).
     *
     * @throws ModelFormatException naming the file when it is not a readable vae4j model
     */
    public static ModelContents read(Path file) throws IOException {
        try {
            return read(() -> Files.newInputStream(file), Files.size(file));
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
            writeTensors(out, contents.parameters());
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
     * @throws ModelFormatException when the bytes are foreign, of another version, truncated, corrupt or
     *     declare more than they hold
     */
    public static ModelContents fromBytes(byte[] bytes) {
        try {
            return read(() -> new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a fresh stream over the model file's bytes from the start. */
    private interface Source {
        InputStream open() throws IOException;
    }

    private static ModelContents read(Source source, long length) throws IOException {
        checkHeader(source, length);
        checkChecksum(source, length - DIGEST_BYTES);
        try (InputStream stream = new BufferedInputStream(source.open(), CHUNK_BYTES)) {
            ModelInput in = new ModelInput(stream, length - DIGEST_BYTES);
            in.skip(HEADER_BYTES);
            Map<String, String> config = readMap(in);
            Schema schema = readSchema(in);
            NumericLikelihood likelihood = NumericLikelihood.valueOf(in.readUTF());
            double[] means = readDoubles(in);
            double[] scales = readDoubles(in);
            boolean maskInputs = in.readBoolean();
            double[] frequencies = readDoubles(in);
            TrainingHistory history = readHistory(in);
            List<NamedTensor> parameters = readTensors(in);
            if (in.remaining() != 0) {
                throw new ModelFormatException("the model file has " + in.remaining() + " unexpected trailing bytes");
            }
            return new ModelContents(config, schema, likelihood, means, scales, maskInputs, frequencies, history,
                    parameters);
        } catch (EOFException e) {
            throw new ModelFormatException("the model file is truncated", e);
        } catch (IllegalArgumentException e) {
            if (e instanceof ModelFormatException mfe) {
                throw mfe;
            }
            throw new ModelFormatException("the model file is malformed: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(Source source, long length) throws IOException {
        byte[] header;
        try (InputStream in = source.open()) {
            header = in.readNBytes(HEADER_BYTES);
        }
        if (header.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new ModelFormatException("not a vae4j model file (it does not start with the vae4j header)");
        }
        if (length < HEADER_BYTES + DIGEST_BYTES) {
            throw new ModelFormatException("the model file is truncated (" + length + " bytes)");
        }
        int version = ByteBuffer.wrap(header, MAGIC.length, Integer.BYTES).getInt();
        if (version != VERSION) {
            throw new ModelFormatException("unsupported model file version " + version
                    + " (this vae4j reads version " + VERSION + ")");
        }
    }

    /** Streams the body through SHA-256 in bounded pieces and compares the digest stored after it. */
    private static void checkChecksum(Source source, long bodyLength) throws IOException {
        MessageDigest digest = newSha256();
        byte[] stored;
        try (InputStream in = source.open()) {
            byte[] chunk = new byte[CHUNK_BYTES];
            for (long left = bodyLength; left > 0;) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (n < 0) {
                    throw new ModelFormatException("the model file is truncated");
                }
                digest.update(chunk, 0, n);
                left -= n;
            }
            stored = in.readNBytes(DIGEST_BYTES + 1);
        }
        if (!MessageDigest.isEqual(stored, digest.digest())) {
            throw new ModelFormatException("the model file is truncated or corrupt (checksum mismatch)");
        }
    }

    private static byte[] sha256(byte[] bytes, int length) {
        MessageDigest digest = newSha256();
        digest.update(bytes, 0, length);
        return digest.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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

    private static Map<String, String> readMap(ModelInput in) throws IOException {
        int n = in.readCount("configuration entries", MIN_ENTRY_BYTES);
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

    private static Schema readSchema(ModelInput in) throws IOException {
        int n = in.readCount("columns", MIN_COLUMN_BYTES);
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

    private static Column readColumn(ModelInput in) throws IOException {
        String name = in.readUTF();
        ColumnType type = ColumnType.valueOf(in.readUTF());
        int n = in.readCount("levels of column '" + name + "'", 2);
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

    private static double[] readDoubles(ModelInput in) throws IOException {
        int n = in.readCount("numbers", Double.BYTES);
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

    private static TrainingHistory readHistory(ModelInput in) throws IOException {
        int n = in.readCount("epochs", MIN_EPOCH_BYTES);
        List<EpochReport> epochs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            epochs.add(new EpochReport(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble()));
        }
        int best = in.readInt();
        return new TrainingHistory(epochs, best, TrainingHistory.StopReason.valueOf(in.readUTF()));
    }

    private static void writeTensors(DataOutputStream out, List<NamedTensor> tensors) throws IOException {
        out.writeInt(tensors.size());
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        for (NamedTensor t : tensors) {
            out.writeUTF(t.name());
            out.writeUTF(NamedTensor.DTYPE);
            long[] shape = t.shape();
            out.writeInt(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            float[] values = t.values();
            for (int done = 0; done < values.length;) {
                int count = Math.min(CHUNK_BYTES / Float.BYTES, values.length - done);
                chunk.clear();
                chunk.asFloatBuffer().put(values, done, count);
                out.write(chunk.array(), 0, count * Float.BYTES);
                done += count;
            }
        }
    }

    /**
     * Reads the parameter tensors, checking each declared shape against the bytes left, and the running total
     * against {@link ParameterShapes#MAX_PARAMETER_BYTES}, before allocating its values.
     */
    private static List<NamedTensor> readTensors(ModelInput in) throws IOException {
        int n = in.readCount("parameter tensors", MIN_TENSOR_BYTES);
        List<NamedTensor> tensors = new ArrayList<>(n);
        long totalBytes = 0;
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            String dtype = in.readUTF();
            long[] shape = readShape(in, name);
            if (!dtype.equals(NamedTensor.DTYPE)) {
                throw new ModelFormatException("parameter " + name + ": expected " + NamedTensor.DTYPE
                        + " values, found " + NamedTensor.describe(shape) + " " + dtype);
            }
            long bytes = valueBytes(name, shape);
            totalBytes += bytes;
            if (totalBytes > ParameterShapes.MAX_PARAMETER_BYTES) {
                throw new ModelFormatException("parameter " + name + ": the parameters take more than vae4j's "
                        + "limit of " + ParameterShapes.MAX_PARAMETER_BYTES + " bytes");
            }
            if (bytes > in.remaining()) {
                throw new ModelFormatException("parameter " + name + ": shape " + NamedTensor.describe(shape)
                        + " needs " + bytes + " bytes of values but the model file has only " + in.remaining()
                        + " bytes left");
            }
            float[] values = in.readFloats((int) (bytes / Float.BYTES));
            checkFinite(name, values);
            tensors.add(new NamedTensor(name, shape, values));
        }
        return tensors;
    }

    private static long[] readShape(ModelInput in, String name) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > MAX_RANK) {
            throw new ModelFormatException("parameter " + name + ": rank " + rank + " is not one of 0.." + MAX_RANK);
        }
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = in.readLong();
            if (shape[d] < 0) {
                throw new ModelFormatException("parameter " + name + ": negative dimension " + shape[d]);
            }
        }
        return shape;
    }

    /** The bytes of a tensor's values, refusing shapes whose element count does not fit a Java array. */
    private static long valueBytes(String name, long[] shape) {
        long elements;
        try {
            elements = NamedTensor.elements(shape);
        } catch (ArithmeticException e) {
            elements = Long.MAX_VALUE;
        }
        if (elements > Integer.MAX_VALUE) {
            throw new ModelFormatException("parameter " + name + ": shape " + NamedTensor.describe(shape)
                    + " holds more values than one tensor can");
        }
        return elements * Float.BYTES;
    }

    private static void checkFinite(String name, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelFormatException("parameter " + name + ": value " + values[i] + " at index " + i
                        + " is not finite");
            }
        }
    }
}
