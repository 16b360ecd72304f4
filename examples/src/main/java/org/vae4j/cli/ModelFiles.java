package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.vae4j.io.ModelFormatException;
import org.vae4j.vae.Vae;

/** Loads model files for the commands, with errors that name the file. */
final class ModelFiles {

    private ModelFiles() {}

    /**
     * Loads a model.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws CliException when the file is not a (whole) vae4j model
     */
    static Vae load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try {
            return Vae.load(file);
        } catch (ModelFormatException e) {
            throw new CliException(file + " is not a usable vae4j model file: " + e.getMessage());
        }
    }
}
