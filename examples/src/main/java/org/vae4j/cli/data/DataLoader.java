package org.vae4j.cli.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a data file of any supported format into a {@link Dataset}. */
public final class DataLoader {

    private DataLoader() {}

    /**
     * Reads and types a file.
     *
     * @param format the format, or null to guess it from the file name
     * @param typing how text columns are typed (IDX files have fixed types and ignore it)
     * @throws NoSuchFileException when the file does not exist
     * @throws DataException for malformed content, naming the file, line and column
     */
    public static Dataset load(Path file, DataFormat format, ColumnTyping typing) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        DataFormat actual = format != null ? format : DataFormat.guess(file);
        return switch (actual) {
            case CSV -> typing.apply(CsvReader.read(file));
            case ARFF -> typing.apply(ArffReader.read(file));
            case IDX -> ImageDataset.read(file, -1);
        };
    }
}
