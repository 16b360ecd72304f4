package org.vae4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be written. The message names the file and the cause in one line, e.g.
 * {@code could not write out.csv: No space left on device}; the file as it was before is intact.
 */
public final class FileWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** The failure to write {@code file}, caused by {@code cause}. */
    public FileWriteException(Path file, IOException cause) {
        super("could not write " + file + ": " + AtomicFile.reason(cause), cause);
        this.file = file;
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }
}
