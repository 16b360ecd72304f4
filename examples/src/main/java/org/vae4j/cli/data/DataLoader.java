package org.vae4j.cli.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a data file of any supported format into a {@link Dataset}. Only regular files are read: a text
 * file is read twice (to settle the column types, then to store the values), which a pipe cannot give.
 */
public final class DataLoader {

    private DataLoader() {}

    /**
     * Reads and types a file.
     *
     * @param format the format, or null to guess it from the file name
     * @param typing how text columns are typed (IDX files have fixed types and ignore it)
     * @throws NoSuchFileException when the file does not exist
     * @throws DataException for a directory, a pipe or device, or malformed content, naming the file, line
     *     and column
     */
    public static Dataset load(Path file, DataFormat format, ColumnTyping typing) throws IOException {
        requireRegularFile(file);
        DataFormat actual = format != null ? format : DataFormat.guess(file);
        return switch (actual) {
            case CSV -> typing.apply(CsvReader.open(file));
            case ARFF -> typing.apply(ArffReader.open(file));
            case IDX -> ImageDataset.read(file, -1);
        };
    }

    /**
     * Every file {@link #load} reads for this data file: the file itself, then the files it reads alongside
     * it (an IDX images file's labels), so that a command can refuse an output that would replace any of them.
     *
     * @param format the format, or null to guess it from the file name
     * @throws NoSuchFileException when the file does not exist
     * @throws DataException for a directory, a pipe or device, or a name that tells no format
     */
    public static List<Path> files(Path file, DataFormat format) throws NoSuchFileException {
        requireRegularFile(file);
        DataFormat actual = format != null ? format : DataFormat.guess(file);
        Path labels = actual == DataFormat.IDX ? ImageDataset.labelsFile(file) : null;
        return labels == null ? List.of(file) : List.of(file, labels);
    }

    /**
     * The column names of a CSV or ARFF file, from its header alone.
     *
     * @param format the format, or null to guess it from the file name
     * @throws NoSuchFileException when the file does not exist
     * @throws DataException for an IDX file (its columns have no names to look up), a directory, a pipe or a
     *     malformed header
     */
    public static List<String> columnNames(Path file, DataFormat format) throws IOException {
        requireRegularFile(file);
        DataFormat actual = format != null ? format : DataFormat.guess(file);
        return switch (actual) {
            case CSV -> CsvReader.open(file).names();
            case ARFF -> ArffReader.open(file).names();
            case IDX -> throw new DataException(file + ": IDX images have no named columns; give a CSV or ARFF file");
        };
    }

    private static void requireRegularFile(Path file) throws NoSuchFileException {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory, not a data file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        throw new DataException(file + " is not a regular file (a pipe, a device or a terminal?): vae4j reads a "
                + "data file twice, to settle the column types and then to store the values; save the data to a "
                + "file first");
    }
}
