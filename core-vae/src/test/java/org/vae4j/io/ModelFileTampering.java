package org.vae4j.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Builds hostile model files from a good one: each method applies one tampering and re-signs the result with
 * a valid checksum, so that the reader gets past the checksum and meets the tampering itself.
 */
public final class ModelFileTampering {

    private static final int DIGEST_BYTES = 32;

    private ModelFileTampering() {}

    /** The file with its configuration map changed. */
    public static byte[] withConfig(byte[] file, Consumer<Map<String, String>> change) {
        ModelContents c = ModelFile.fromBytes(file);
        Map<String, String> config = new LinkedHashMap<>(c.config());
        change.accept(config);
        return ModelFile.toBytes(new ModelContents(config, c.components(), c.schema(), c.numericLikelihood(), c.means(),
                c.scales(), c.columnModels(), c.maskInputs(), c.conditionFrequencies(), c.history(), c.parameters(),
                c.trainingTensors()));
    }

    /** The file with one parameter tensor replaced. */
    public static byte[] withParameter(byte[] file, String name, UnaryOperator<NamedTensor> change) {
        ModelContents c = ModelFile.fromBytes(file);
        List<NamedTensor> parameters = new ArrayList<>();
        for (NamedTensor t : c.parameters()) {
            parameters.add(t.name().equals(name) ? change.apply(t) : t);
        }
        return ModelFile.toBytes(new ModelContents(c.config(), c.components(), c.schema(), c.numericLikelihood(),
                c.means(), c.scales(), c.columnModels(), c.maskInputs(), c.conditionFrequencies(), c.history(), parameters,
                c.trainingTensors()));
    }

    /** The file with the dtype of parameter {@code name} rewritten (as long as "float32", to keep the layout). */
    public static byte[] withDtype(byte[] file, String name, String dtype) {
        byte[] text = dtype.getBytes(StandardCharsets.US_ASCII);
        if (text.length != NamedTensor.DTYPE.length()) {
            throw new IllegalArgumentException("the dtype must have " + NamedTensor.DTYPE.length() + " letters");
        }
        byte[] out = file.clone();
        System.arraycopy(text, 0, out, afterRole(out, name) + Short.BYTES, text.length);
        return resign(out);
    }

    /** The file with the dimensions parameter {@code name} declares rewritten (its rank stays the same). */
    public static byte[] withDeclaredShape(byte[] file, String name, long... shape) {
        byte[] out = file.clone();
        ByteBuffer buffer = ByteBuffer.wrap(out);
        int rankAt = afterRole(out, name) + Short.BYTES + NamedTensor.DTYPE.length();
        if (buffer.getInt(rankAt) != shape.length) {
            throw new IllegalArgumentException("the rank must stay " + buffer.getInt(rankAt));
        }
        for (int d = 0; d < shape.length; d++) {
            buffer.putLong(rankAt + Integer.BYTES + d * Long.BYTES, shape[d]);
        }
        return resign(out);
    }

    /** The file with a fresh, valid checksum over its (changed) body. */
    public static byte[] resign(byte[] file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(file, 0, file.length - DIGEST_BYTES);
            System.arraycopy(digest.digest(), 0, file, file.length - DIGEST_BYTES, DIGEST_BYTES);
            return file;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The index just after the name and the role ("inference") of the tensor {@code name}. */
    private static int afterRole(byte[] file, String name) {
        return after(file, name) + Short.BYTES + "inference".length();
    }

    /** The index just after the first occurrence of {@code text} written as a DataOutput UTF string. */
    private static int after(byte[] file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer utf = ByteBuffer.allocate(Short.BYTES + bytes.length).putShort((short) bytes.length).put(bytes)
                .flip();
        for (int i = 0; i + utf.limit() <= file.length; i++) {
            if (ByteBuffer.wrap(file, i, utf.limit()).equals(utf)) {
                return i + utf.limit();
            }
        }
        throw new IllegalArgumentException("no " + text + " in the file");
    }
}
