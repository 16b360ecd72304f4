package org.vae4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.io.AtomicFile;
import org.vae4j.io.ModelFormatException;
import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.preprocess.InputEncoding;

/**
 * What {@code np-train} saves and {@code np-predict} reads: the feature columns and their input encoding (means
 * and scales), the target column's name, and the neural-process regressor. The file is a ZIP archive with two
 * entries, {@value #HEADER} (text: format, version, columns) and {@value #REGRESSOR} (the regressor's own
 * bytes), written atomically. Reading treats the file as untrusted: anything missing or malformed is a
 * {@link ModelFormatException} naming the file and the entry or key.
 */
final class NeuralProcessModelFile {

    static final String HEADER = "neural-process.properties";
    static final String REGRESSOR = "regressor.bin";
    private static final String FORMAT = "vae4j-neural-process";
    private static final int VERSION = 1;

    private final InputEncoding encoding;
    private final String target;
    private final byte[] regressor;

    NeuralProcessModelFile(InputEncoding encoding, String target, byte[] regressor) {
        this.encoding = encoding;
        this.target = target;
        this.regressor = regressor;
    }

    /** The input encoding of the feature columns. */
    InputEncoding encoding() {
        return encoding;
    }

    /** The feature columns, in the order the encoding reads them. */
    Schema features() {
        return encoding.preprocessor().schema();
    }

    /** The name of the target column. */
    String target() {
        return target;
    }

    /** The regressor, rebuilt from its bytes; the caller closes it. */
    NeuralProcessRegressor regressor() {
        return NeuralProcessRegressor.fromBytes(regressor);
    }

    /**
     * Writes the file atomically.
     *
     * @throws org.vae4j.io.FileWriteException naming the file; an old file is then intact
     */
    void write(Path file) throws IOException {
        Properties header = new Properties();
        header.setProperty("format", FORMAT);
        header.setProperty("version", Integer.toString(VERSION));
        header.setProperty("target", target);
        List<Column> columns = features().features();
        double[] means = encoding.preprocessor().means();
        double[] scales = encoding.preprocessor().scales();
        header.setProperty("columns", Integer.toString(columns.size()));
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            String key = "column." + c + ".";
            header.setProperty(key + "name", column.name());
            header.setProperty(key + "type", column.type().name());
            header.setProperty(key + "levels", Integer.toString(column.levels().size()));
            for (int l = 0; l < column.levels().size(); l++) {
                header.setProperty(key + "level." + l, column.levels().get(l));
            }
            header.setProperty(key + "mean", Double.toString(means[c]));
            header.setProperty(key + "scale", Double.toString(scales[c]));
        }
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(HEADER));
            header.store(zip, "vae4j neural-process model");
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(REGRESSOR));
            zip.write(regressor);
            zip.closeEntry();
            zip.finish(); // AtomicFile closes the stream once it is synced
        });
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws ModelFormatException naming the file and what is wrong when it is not a whole neural-process model
     */
    static NeuralProcessModelFile read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(file + " is not a regular file, not a model saved by np-train");
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(HEADER) || entry.getName().equals(REGRESSOR)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    zip.transferTo(bytes);
                    entries.put(entry.getName(), bytes.toByteArray());
                }
            }
        } catch (ZipException e) {
            throw new ModelFormatException(file + ": not a neural-process model saved by np-train (" + e.getMessage()
                    + ")", e);
        }
        for (String name : List.of(HEADER, REGRESSOR)) {
            if (!entries.containsKey(name)) {
                throw new ModelFormatException(file + ": not a neural-process model saved by np-train (no entry "
                        + name + ")");
            }
        }
        Properties header = new Properties();
        header.load(new InputStreamReader(new ByteArrayInputStream(entries.get(HEADER)),
                StandardCharsets.ISO_8859_1));
        return parse(file, header, entries.get(REGRESSOR));
    }

    private static NeuralProcessModelFile parse(Path file, Properties header, byte[] regressor) {
        if (!FORMAT.equals(header.getProperty("format"))) {
            throw new ModelFormatException(file + ": not a neural-process model saved by np-train (format '"
                    + header.getProperty("format") + "')");
        }
        int version = integer(file, header, "version");
        if (version != VERSION) {
            throw new ModelFormatException(file + ": neural-process model version " + version + ", this vae4j reads "
                    + "version " + VERSION);
        }
        int count = integer(file, header, "columns");
        if (count > header.size()) {
            throw new ModelFormatException(file + ": " + HEADER + " announces " + count + " columns but has only "
                    + header.size() + " keys");
        }
        List<Column> columns = new ArrayList<>();
        double[] means = new double[count];
        double[] scales = new double[means.length];
        for (int c = 0; c < count; c++) {
            String key = "column." + c + ".";
            int levels = integer(file, header, key + "levels");
            List<String> names = new ArrayList<>();
            for (int l = 0; l < levels; l++) {
                names.add(text(file, header, key + "level." + l));
            }
            try {
                columns.add(new Column(text(file, header, key + "name"),
                        ColumnType.valueOf(text(file, header, key + "type")), names));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file + ": column " + (c + 1) + " is malformed (" + e.getMessage() + ")",
                        e);
            }
            means[c] = number(file, header, key + "mean");
            scales[c] = number(file, header, key + "scale");
        }
        try {
            InputEncoding encoding = InputEncoding.of(new Schema(columns, null), means, scales);
            return new NeuralProcessModelFile(encoding, text(file, header, "target"), regressor);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": the feature columns are malformed (" + e.getMessage() + ")", e);
        }
    }

    private static String text(Path file, Properties header, String key) {
        String value = header.getProperty(key);
        if (value == null) {
            throw new ModelFormatException(file + ": entry " + HEADER + " has no key '" + key + "'");
        }
        return value;
    }

    private static int integer(Path file, Properties header, String key) {
        try {
            int value = Integer.parseInt(text(file, header, key));
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ModelFormatException(file + ": key '" + key + "' of " + HEADER + " is not a count", e);
        }
    }

    private static double number(Path file, Properties header, String key) {
        try {
            return Double.parseDouble(text(file, header, key));
        } catch (NumberFormatException e) {
            throw new ModelFormatException(file + ": key '" + key + "' of " + HEADER + " is not a number", e);
        }
    }
}
