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
import java.util.TreeMap;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.preprocess.ColumnModel;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.ParameterShapes;
import org.vae4j.vae.TrainingHistory;

/**
 * The vae4j model file: one self-describing, versioned binary file made of named sections, so that later
 * versions can add sections that this reader skips.
 *
 * <pre>
 *   "VAE4J-MODEL\n"  magic (12 bytes)
 *   int              format version (4)
 *   int              number of sections, then per section: name, length in bytes (long), the bytes:
 *     config           the configuration as a key/value map
 *     components       the manifest: per component its kind, id, layout version and options
 *     schema           the modelled columns and the condition
 *     preprocessing    numeric likelihood, means, scales, mask input, condition frequencies
 *     columns          per column: observed, its numeric model (range, bounded, integer, log scale, zero spike,
 *                      each mode's weight, mean and scale) if it has one, its observed levels if it has levels
 *     history          the training history
 *     statistics       per epoch of the history, the figures its training procedure measured (name, value);
 *                      absent in files written before it, whose epochs then carry none
 *     tensors          per tensor: name, role (inference or training), "float32", rank, dimensions (longs),
 *                      the values (big-endian floats)
 *   32 bytes         SHA-256 of everything before it
 * </pre>
 *
 * Every section but an unknown one is required; an unknown section is skipped, which is how the format grows.
 * Version 3 files (no columns section: their columns were plainly standardised and decoded without
 * constraints) and version 2 files (the same contents laid out in that order without section headers, no
 * components and no training tensors) are still read.
 *
 * A model file is untrusted input. Reading checks the magic, the version and the checksum (streamed, in
 * bounded pieces) before parsing anything, so a foreign, truncated or corrupt file fails with a message saying
 * which; then every count, length and tensor shape the file declares is checked against the bytes left in it
 * (in its section), and the parameters against {@link ParameterShapes#MAX_PARAMETER_BYTES}, before anything
 * is allocated. Parameters must be float32 and finite. Nothing in the file is ever executed or deserialised as
 * Java objects. Writing is atomic ({@link AtomicFile}), so an existing model is never lost to a failed write.
 */
public final class ModelFile {

    /** The format version this vae4j writes. */
    public static final int VERSION = 4;
    /** The oldest format version this vae4j reads. */
    public static final int OLDEST_READABLE_VERSION = 2;

    private static final String CONFIG = "config";
    private static final String COMPONENTS = "components";
    private static final String SCHEMA = "schema";
    private static final String PREPROCESSING = "preprocessing";
    private static final String COLUMNS = "columns";
    private static final String HISTORY = "history";
    private static final String STATISTICS = "statistics";
    private static final String TENSORS = "tensors";
    private static final String INFERENCE = "inference";
    private static final String TRAINING = "training";

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
    private static final int MIN_STATISTIC_BYTES = 10;
    private static final int MIN_TENSOR_BYTES = 8;
    private static final int MIN_SECTION_BYTES = 10;
    private static final int MIN_COMPONENT_BYTES = 12;

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
            out.writeInt(8);
            writeSection(out, CONFIG, section -> writeMap(section, contents.config()));
            writeSection(out, COMPONENTS, section -> writeComponents(section, contents.components()));
            writeSection(out, SCHEMA, section -> writeSchema(section, contents.schema()));
            writeSection(out, PREPROCESSING, section -> writePreprocessing(section, contents));
            writeSection(out, COLUMNS, section -> ColumnModelSection.write(section, contents.columnModels()));
            writeSection(out, HISTORY, section -> writeHistory(section, contents.history()));
            writeSection(out, STATISTICS, section -> writeStatistics(section, contents.history()));
            // The tensors are most of the file: their length is worked out rather than buffered a second time.
            out.writeUTF(TENSORS);
            out.writeLong(tensorsBytes(contents));
            out.writeInt(contents.parameters().size() + contents.trainingTensors().size());
            writeTensors(out, contents.parameters(), INFERENCE);
            writeTensors(out, contents.trainingTensors(), TRAINING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = buffer.toByteArray();
        byte[] all = Arrays.copyOf(body, body.length + DIGEST_BYTES);
        System.arraycopy(sha256(body, body.length), 0, all, body.length, DIGEST_BYTES);
        return all;
    }

    /** Writes the body of one section. */
    private interface SectionWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static void writeSection(DataOutputStream out, String name, SectionWriter body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream section = new DataOutputStream(bytes)) {
            body.write(section);
        }
        out.writeUTF(name);
        out.writeLong(bytes.size());
        bytes.writeTo(out);
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
        int version = checkHeader(source, length);
        checkChecksum(source, length - DIGEST_BYTES);
        try (InputStream stream = new BufferedInputStream(source.open(), CHUNK_BYTES)) {
            ModelInput in = new ModelInput(stream, length - DIGEST_BYTES);
            in.skip(HEADER_BYTES);
            ModelContents contents = version == 2 ? readVersion2(in) : readSections(in, version);
            if (in.remaining() != 0) {
                throw new ModelFormatException("the model file has " + in.remaining() + " unexpected trailing bytes");
            }
            return contents;
        } catch (EOFException e) {
            throw new ModelFormatException("the model file is truncated", e);
        } catch (IllegalArgumentException e) {
            if (e instanceof ModelFormatException mfe) {
                throw mfe;
            }
            throw new ModelFormatException("the model file is malformed: " + e.getMessage(), e);
        }
    }

    /** Version 2: the contents in a fixed order, without section headers. */
    private static ModelContents readVersion2(ModelInput in) throws IOException {
        Map<String, String> config = readMap(in);
        Schema schema = readSchema(in);
        Preprocessing preprocessing = readPreprocessing(in);
        TrainingHistory history = readHistory(in);
        Tensors tensors = readTensors(in, false);
        return contents(config, List.of(), schema, preprocessing, List.of(), history, tensors);
    }

    private static ModelContents readSections(ModelInput in, int version) throws IOException {
        int n = in.readCount("sections", MIN_SECTION_BYTES);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            ModelInput section = in.section(name, in.readLong());
            if (sections.containsKey(name)) {
                throw new ModelFormatException("the model file has section '" + name + "' twice");
            }
            Object value = switch (name) {
                case CONFIG -> readMap(section);
                case COMPONENTS -> readComponents(section);
                case SCHEMA -> readSchema(section);
                case PREPROCESSING -> readPreprocessing(section);
                case COLUMNS -> ColumnModelSection.read(section);
                case HISTORY -> readHistory(section);
                case STATISTICS -> readStatistics(section);
                case TENSORS -> readTensors(section, true);
                default -> null;
            };
            if (value == null) {
                section.skip(section.remaining()); // a section of a later version: not needed to use the model
                continue;
            }
            if (section.remaining() != 0) {
                throw new ModelFormatException("section '" + name + "' of the model file has " + section.remaining()
                        + " unexpected trailing bytes");
            }
            sections.put(name, value);
        }
        List<String> required = new ArrayList<>(List.of(CONFIG, COMPONENTS, SCHEMA, PREPROCESSING, HISTORY, TENSORS));
        if (version >= 4) {
            required.add(COLUMNS);
        }
        for (String name : required) {
            if (!sections.containsKey(name)) {
                throw new ModelFormatException("the model file has no '" + name + "' section");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) sections.get(CONFIG);
        @SuppressWarnings("unchecked")
        List<ComponentEntry> components = (List<ComponentEntry>) sections.get(COMPONENTS);
        @SuppressWarnings("unchecked")
        List<ColumnModel> columns = (List<ColumnModel>) sections.getOrDefault(COLUMNS, List.of());
        TrainingHistory history = (TrainingHistory) sections.get(HISTORY);
        if (sections.containsKey(STATISTICS)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Double>> statistics = (List<Map<String, Double>>) sections.get(STATISTICS);
            history = withStatistics(history, statistics);
        }
        return contents(config, components, (Schema) sections.get(SCHEMA), (Preprocessing) sections.get(PREPROCESSING),
                columns, history, (Tensors) sections.get(TENSORS));
    }

    private static ModelContents contents(Map<String, String> config, List<ComponentEntry> components, Schema schema,
            Preprocessing p, List<ColumnModel> columns, TrainingHistory history, Tensors tensors) {
        return new ModelContents(config, components, schema, p.likelihood(), p.means(), p.scales(), columns,
                p.maskInputs(),
                p.conditionFrequencies(), history, tensors.inference(), tensors.training());
    }

    /** The preprocessing section's values. */
    private record Preprocessing(NumericLikelihood likelihood, double[] means, double[] scales, boolean maskInputs,
            double[] conditionFrequencies) {}

    /** The tensors section's values, by role. */
    private record Tensors(List<NamedTensor> inference, List<NamedTensor> training) {}

    private static void writePreprocessing(DataOutputStream out, ModelContents contents) throws IOException {
        out.writeUTF(contents.numericLikelihood().name());
        writeDoubles(out, contents.means());
        writeDoubles(out, contents.scales());
        out.writeBoolean(contents.maskInputs());
        writeDoubles(out, contents.conditionFrequencies());
    }

    private static Preprocessing readPreprocessing(ModelInput in) throws IOException {
        NumericLikelihood likelihood = NumericLikelihood.valueOf(in.readUTF());
        double[] means = readDoubles(in);
        double[] scales = readDoubles(in);
        boolean maskInputs = in.readBoolean();
        return new Preprocessing(likelihood, means, scales, maskInputs, readDoubles(in));
    }

    private static void writeComponents(DataOutputStream out, List<ComponentEntry> components) throws IOException {
        out.writeInt(components.size());
        for (ComponentEntry c : components) {
            out.writeUTF(c.kind());
            out.writeUTF(c.id());
            out.writeInt(c.version());
            writeMap(out, new TreeMap<>(c.options()));
        }
    }

    private static List<ComponentEntry> readComponents(ModelInput in) throws IOException {
        int n = in.readCount("components", MIN_COMPONENT_BYTES);
        List<ComponentEntry> components = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            components.add(new ComponentEntry(in.readUTF(), in.readUTF(), in.readInt(), readMap(in)));
        }
        return components;
    }

    private static int checkHeader(Source source, long length) throws IOException {
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
        if (version < OLDEST_READABLE_VERSION || version > VERSION) {
            throw new ModelFormatException("unsupported model file version " + version + " (this vae4j reads versions "
                    + OLDEST_READABLE_VERSION + " to " + VERSION + ")");
        }
        return version;
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

    private static void writeStatistics(DataOutputStream out, TrainingHistory history) throws IOException {
        out.writeInt(history.epochs().size());
        for (EpochReport e : history.epochs()) {
            out.writeInt(e.statistics().size());
            for (Map.Entry<String, Double> statistic : e.statistics().entrySet()) {
                out.writeUTF(statistic.getKey());
                out.writeDouble(statistic.getValue());
            }
        }
    }

    private static List<Map<String, Double>> readStatistics(ModelInput in) throws IOException {
        int n = in.readCount("epochs' statistics", Integer.BYTES);
        List<Map<String, Double>> epochs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int m = in.readCount("statistics", MIN_STATISTIC_BYTES);
            Map<String, Double> statistics = new LinkedHashMap<>();
            for (int j = 0; j < m; j++) {
                statistics.put(in.readUTF(), in.readDouble());
            }
            epochs.add(statistics);
        }
        return epochs;
    }

    private static TrainingHistory withStatistics(TrainingHistory history, List<Map<String, Double>> statistics) {
        if (statistics.size() != history.epochs().size()) {
            throw new ModelFormatException("the model file's statistics cover " + statistics.size()
                    + " epochs, its history " + history.epochs().size());
        }
        List<EpochReport> epochs = new ArrayList<>(statistics.size());
        for (int i = 0; i < statistics.size(); i++) {
            EpochReport e = history.epochs().get(i);
            epochs.add(new EpochReport(e.epoch(), e.trainLoss(), e.validationElbo(), e.beta(), e.seconds(),
                    e.samplesPerSecond(), statistics.get(i)));
        }
        return new TrainingHistory(epochs, history.bestEpoch(), history.stopReason());
    }

    private static void writeTensors(DataOutputStream out, List<NamedTensor> tensors, String role) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        for (NamedTensor t : tensors) {
            out.writeUTF(t.name());
            out.writeUTF(role);
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

    /** The length of the tensors section as {@link #toBytes} writes it. */
    private static long tensorsBytes(ModelContents contents) throws IOException {
        return Integer.BYTES + tensorsBytes(contents.parameters(), INFERENCE)
                + tensorsBytes(contents.trainingTensors(), TRAINING);
    }

    private static long tensorsBytes(List<NamedTensor> tensors, String role) throws IOException {
        long bytes = 0;
        for (NamedTensor t : tensors) {
            bytes += utfBytes(t.name()) + utfBytes(role) + utfBytes(NamedTensor.DTYPE) + Integer.BYTES
                    + (long) Long.BYTES * t.shape().length + (long) Float.BYTES * t.values().length;
        }
        return bytes;
    }

    private static int utfBytes(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(text);
        }
        return bytes.size();
    }

    /**
     * Reads the parameter tensors, checking each declared shape against the bytes left, and the running total
     * against {@link ParameterShapes#MAX_PARAMETER_BYTES}, before allocating its values.
     *
     * @param withRoles whether each tensor states its role (version 3); version 2 holds inference tensors only
     */
    private static Tensors readTensors(ModelInput in, boolean withRoles) throws IOException {
        int n = in.readCount("parameter tensors", MIN_TENSOR_BYTES);
        List<NamedTensor> inference = new ArrayList<>(n);
        List<NamedTensor> training = new ArrayList<>();
        long totalBytes = 0;
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            String role = withRoles ? in.readUTF() : INFERENCE;
            if (!role.equals(INFERENCE) && !role.equals(TRAINING)) {
                throw new ModelFormatException("parameter " + name + ": unknown role '" + role + "' (expected "
                        + INFERENCE + " or " + TRAINING + ")");
            }
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
            (role.equals(INFERENCE) ? inference : training).add(new NamedTensor(name, shape, values));
        }
        return new Tensors(inference, training);
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
