package org.vae4j.cli.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.vae4j.io.AtomicFile;

/** Text outputs (CSV, ARFF, JSON), written in UTF-8 and atomically: whole, or not at all. */
public final class TextFile {

    /** Writes a text file's contents; the writer is flushed and closed by {@link TextFile}. */
    @FunctionalInterface
    public interface Contents {
        /** Writes everything to {@code out}. */
        void writeTo(Writer out) throws IOException;
    }

    private TextFile() {}

    /**
     * Writes {@code file}, creating its folder if needed.
     *
     * @throws org.vae4j.io.FileWriteException naming the file and the cause; the old file is then intact
     */
    public static void write(Path file, Contents contents) throws IOException {
        AtomicFile.write(file, stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            contents.writeTo(out);
            out.flush();
        });
    }
}
