package org.vae4j.examples;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a data file for reading, decompressing it when it starts with the gzip magic bytes, so that
 * {@code train-images-idx3-ubyte.gz} and {@code data.csv.gz} read like their plain forms whatever their names.
 */
public final class MaybeGzipped {

    private static final int BUFFER = 1 << 16;

    private MaybeGzipped() {}

    /** A buffered stream of the file's content, decompressed if the file is gzipped. */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}
