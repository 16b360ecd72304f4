package org.vae4j.io;

import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads the body of a model file from a stream while counting the bytes it has left, so that every count and
 * length the file declares is checked against the bytes that could hold it before anything is allocated:
 * a small hostile file cannot make the reader reserve more memory than its own length.
 */
final class ModelInput {

    /** Bytes per bulk read of parameter values. */
    private static final int CHUNK_BYTES = 1 << 16;

    private final Body body;
    private final DataInputStream in;

    /** Reads at most {@code length} bytes of {@code stream}; reading past them is an end of file. */
    ModelInput(InputStream stream, long length) {
        this.body = new Body(stream, length);
        this.in = new DataInputStream(body);
    }

    /**
     * A reader of the next {@code length} bytes, for one section of the file: counts it reads are checked
     * against the section's bytes, and reading past them is an end of file.
     *
     * @throws ModelFormatException if the section would run past the bytes left
     */
    ModelInput section(String name, long length) {
        if (length < 0 || length > remaining()) {
            throw new ModelFormatException("the model file is malformed: section '" + name + "' declares " + length
                    + " bytes, more than the " + remaining() + " left");
        }
        return new ModelInput(in, length);
    }

    /** The bytes not yet read. */
    long remaining() {
        return body.left;
    }

    void skip(long bytes) throws IOException {
        in.skipNBytes(bytes);
    }

    int readInt() throws IOException {
        return in.readInt();
    }

    long readLong() throws IOException {
        return in.readLong();
    }

    double readDouble() throws IOException {
        return in.readDouble();
    }

    boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    String readUTF() throws IOException {
        return in.readUTF();
    }

    /**
     * Reads a count of items that take at least {@code minBytesEach} bytes each.
     *
     * @throws ModelFormatException if the count is negative or the items could not fit in the bytes left
     */
    int readCount(String items, int minBytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytesEach > remaining()) {
            throw new ModelFormatException("the model file is malformed: it declares " + n + " " + items
                    + ", more than its " + remaining() + " remaining bytes can hold");
        }
        return n;
    }

    /** Reads {@code n} big-endian floats in bounded pieces; the caller has checked that they fit. */
    float[] readFloats(int n) throws IOException {
        float[] values = new float[n];
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, (long) n * Float.BYTES)];
        for (int done = 0; done < n;) {
            int count = Math.min(chunk.length / Float.BYTES, n - done);
            in.readFully(chunk, 0, count * Float.BYTES);
            ByteBuffer.wrap(chunk, 0, count * Float.BYTES).asFloatBuffer().get(values, done, count);
            done += count;
        }
        return values;
    }

    /** The first {@code left} bytes of a stream, counting down as they are read. */
    private static final class Body extends FilterInputStream {
        private long left;

        Body(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }
    }
}
