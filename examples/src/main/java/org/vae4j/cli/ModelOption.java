package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.vae4j.data.Column;
import org.vae4j.io.ModelFormatException;
import org.vae4j.vae.Vae;

import picocli.CommandLine.Option;

/**
 * The {@code --model} option of every command that reads a saved model (a picocli mixin), and its
 * loading, with errors that name the file.
 */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by train.")
    private Path file;

    /** The model file given. */
    Path file() {
        return file;
    }

    /**
     * Loads the model.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws CliException for a directory, a pipe or a device
     * @throws ModelFormatException naming the file when it is not a (whole) vae4j model
     */
    Vae load() throws IOException {
        if (Files.isDirectory(file)) {
            throw new CliException(file + " is a directory, not a model file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(file + " is not a regular file (a pipe or a device?), not a model file saved "
                    + "by train");
        }
        return Vae.load(file);
    }

    /**
     * The condition level of the class {@code label} of the loaded model (the {@code --class LABEL} option).
     *
     * @throws CliException when the model is not conditional or has no such class
     */
    int conditionLevel(Vae vae, String label) {
        Column condition = vae.schema().condition().orElseThrow(() -> new CliException(
                "--class needs a conditional model (train with --class COLUMN --conditional); " + file + " is not"));
        int level = condition.levels().indexOf(label);
        if (level < 0) {
            throw new CliException("--class '" + label + "' is not a class of " + file + " (classes of '"
                    + condition.name() + "': " + String.join(", ", condition.levels()) + ")");
        }
        return level;
    }
}
