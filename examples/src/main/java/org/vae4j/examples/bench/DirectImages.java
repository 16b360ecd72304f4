package org.vae4j.examples.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * IDX images (gzipped, as Debian ships them) read straight into one direct, native-order buffer of floats
 * in [0, 1], the off-heap layout {@link Table#ofNumeric(Schema, ByteBuffer, int[])} wraps without a copy.
 * The benchmarks load their data this way, as the reference hands NumPy's array to torch without a copy:
 * reading through {@code IdxFiles} would hold the pixels on the Java heap as well (bytes, then floats),
 * and the training tensor would be a third copy, which is the program's memory, not the engine's.
 *
 * @param pixels count x width floats, row-major, native order, direct
 * @param count number of images
 * @param width pixels per image
 */
public record DirectImages(ByteBuffer pixels, int count, int width) {

    private static final int MAGIC = 2051;
    private static final int CHUNK = 1 << 16;

    /**
     * Reads up to {@code limit} images (-1 for all).
     *
     * @throws IOException naming the file when it cannot be read or is not an IDX image file
     */
    public static DirectImages read(Path file, int limit) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file), CHUNK), CHUNK))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException(file + ": not an IDX image file (magic " + magic + ", expected " + MAGIC + ")");
            }
            int available = in.readInt();
            int width = in.readInt() * in.readInt();
            int count = limit < 0 ? available : Math.min(limit, available);
            ByteBuffer pixels = ByteBuffer.allocateDirect(Math.multiplyExact(count, width) * Float.BYTES)
                    .order(ByteOrder.nativeOrder());
            fill(in, pixels.asFloatBuffer());
            return new DirectImages(pixels, count, width);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated IDX file", e);
        }
    }

    private static void fill(InputStream in, FloatBuffer out) throws IOException {
        byte[] chunk = new byte[CHUNK];
        while (out.hasRemaining()) {
            int n = in.read(chunk, 0, Math.min(chunk.length, out.remaining()));
            if (n < 0) {
                throw new EOFException();
            }
            for (int i = 0; i < n; i++) {
                out.put((chunk[i] & 0xFF) / 255f);
            }
        }
    }

    /** All images as a table over this buffer (no copy). */
    public Table table() {
        return rows(0, count);
    }

    /** Images {@code from .. from + n - 1}, clipped to those there are, as a table over this buffer (no copy). */
    public Table rows(int from, int n) {
        int to = Math.min(count, from + n);
        ByteBuffer view = pixels.duplicate();
        view.limit(to * width * Float.BYTES).position(from * width * Float.BYTES);
        return Table.ofNumeric(Schema.numeric("pixel", width), view.slice().order(ByteOrder.nativeOrder()), null);
    }

    /** Image {@code index} copied into a heap array, the form a row arriving from Weka or Tribuo has. */
    public float[] row(int index) {
        float[] out = new float[width];
        pixels.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer().position(index * width).get(out);
        return out;
    }
}
