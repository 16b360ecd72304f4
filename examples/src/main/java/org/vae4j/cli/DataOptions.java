package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.vae4j.cli.data.ColumnTyping;
import org.vae4j.cli.data.DataFormat;
import org.vae4j.cli.data.DataLoader;
import org.vae4j.cli.data.Dataset;
import org.vae4j.data.Schema;

import picocli.CommandLine.Option;

/** The {@code --data FILE [--format F]} options that every command reading data shares. */
final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Data file: CSV with a header row, ARFF, or IDX images (gzipped or not).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, arff or idx (default: from the file name).")
    DataFormat format;

    /** Every file reading the data reads: the {@code --data} file, then any read alongside it (IDX labels). */
    List<Path> files() throws IOException {
        return DataLoader.files(file, format);
    }

    /** Reads the file with the given typing. */
    Dataset load(ColumnTyping typing) throws IOException {
        return DataLoader.load(file, format, typing);
    }

    /**
     * Reads the file for a trained model: its columns typed as the model's, plus the class column if given.
     *
     * @throws org.vae4j.cli.data.DataException naming a model column the file lacks
     */
    Dataset loadFor(Schema model, String classColumn) throws IOException {
        return load(ColumnTyping.forModel(model, classColumn));
    }
}
