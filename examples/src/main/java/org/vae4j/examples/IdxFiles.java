package org.vae4j.examples;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;

import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST (gzipped or not): images as rows of pixels scaled to
 * [0, 1], labels as integers. Errors name the file and what is wrong with it. A header's counts are checked
 * against what the file holds before anything of that size is allocated.
 */
public final class IdxFiles {

    private static final int IMAGES_MAGIC = 2051;
    private static final int LABELS_MAGIC = 2049;
    private static final int LABELS_HEADER_BYTES = 8;
    private static final int PIECE = 1 << 16;

    private IdxFiles() {}

    /**
     * Images as {@code count x (rows * cols)} pixels / 255, row-major in one array.
     *
     * @param limit the most images to read (or -1 for all)
     * @return the pixels; the image count is {@code pixels.length / (rows * cols)}
     */
    public static Images readImages(Path file, int limit) throws IOException {
        ImageHeader header = ImageHeader.read(file, limit, Integer.MAX_VALUE);
        try (DataInputStream in = open(file)) {
            in.skipNBytes(ImageHeader.BYTES);
            byte[] raw = new byte[Math.toIntExact(header.pixels())];
            in.readFully(raw);
            float[] values = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                values[i] = (raw[i] & 0xFF) / 255f;
            }
            return new Images(values, header.count(), header.rows(), header.cols());
        }
    }

    /**
     * Images as pixels / 255 in a direct buffer (native byte order, row-major, one image per row), read
     * in chunks: the pixels never sit on the Java heap, and {@code Table.ofNumeric(schema, buffer, null)}
     * hands them to the engine without a copy.
     *
     * @param limit the most images to read (or -1 for all)
     */
    public static OffHeapImages readImagesOffHeap(Path file, int limit) throws IOException {
        ImageHeader header = ImageHeader.read(file, limit, Integer.MAX_VALUE / Float.BYTES);
        try (DataInputStream in = open(file)) {
            in.skipNBytes(ImageHeader.BYTES);
            long total = header.pixels();
            ByteBuffer pixels = ByteBuffer.allocateDirect(Math.toIntExact(total * Float.BYTES))
                    .order(ByteOrder.nativeOrder());
            FloatBuffer floats = pixels.asFloatBuffer();
            byte[] chunk = new byte[PIECE];
            long left = total;
            while (left > 0) {
                int size = (int) Math.min(chunk.length, left);
                in.readFully(chunk, 0, size);
                for (int i = 0; i < size; i++) {
                    floats.put((chunk[i] & 0xFF) / 255f);
                }
                left -= size;
            }
            return new OffHeapImages(pixels, header.count(), header.rows(), header.cols());
        }
    }

    /** Labels as integers. */
    public static int[] readLabels(Path file, int limit) throws IOException {
        int n;
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IOException(file + ": not an IDX label file (magic " + magic + ", expected " + LABELS_MAGIC + ")");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IOException(file + ": corrupt IDX header: " + count + " labels");
            }
            n = limit < 0 ? count : Math.min(limit, count);
            requireBytes(in, n, file, count + " labels");
        } catch (EOFException e) {
            throw new IOException(file + ": truncated IDX file: the header is incomplete", e);
        }
        try (DataInputStream in = open(file)) {
            in.skipNBytes(LABELS_HEADER_BYTES);
            byte[] raw = new byte[n];
            in.readFully(raw);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        }
    }

    /**
     * The header of an IDX image file, with the image count capped at the caller's limit, read and checked:
     * the counts must be positive, the pixels to read must fit in {@code maxPixels}, and the file must hold
     * them. The file is read in bounded pieces to check this, so a corrupt header costs no allocation.
     */
    private record ImageHeader(int count, int rows, int cols) {
        static final int BYTES = 16;

        static ImageHeader read(Path file, int limit, int maxPixels) throws IOException {
            try (DataInputStream in = open(file)) {
                int magic = in.readInt();
                if (magic != IMAGES_MAGIC) {
                    throw new IOException(file + ": not an IDX image file (magic " + magic + ", expected "
                            + IMAGES_MAGIC + ")");
                }
                int count = in.readInt();
                int rows = in.readInt();
                int cols = in.readInt();
                String promise = count + " images of " + rows + " x " + cols + " pixels";
                if (count < 0 || rows <= 0 || cols <= 0) {
                    throw new IOException(file + ": corrupt IDX header: " + promise);
                }
                ImageHeader header = new ImageHeader(limit < 0 ? count : Math.min(limit, count), rows, cols);
                if (header.pixels() > maxPixels) {
                    throw new IOException(file + ": the IDX header promises " + promise + ", more than the "
                            + maxPixels + " pixels one data set can hold");
                }
                requireBytes(in, header.pixels(), file, promise);
                return header;
            } catch (EOFException e) {
                throw new IOException(file + ": truncated IDX file: the header is incomplete", e);
            }
        }

        long pixels() {
            return (long) count * rows * cols;
        }
    }

    /** Reads through {@code needed} bytes in bounded pieces, failing at the first shortfall. */
    private static void requireBytes(InputStream in, long needed, Path file, String promise) throws IOException {
        byte[] piece = new byte[PIECE];
        long read = 0;
        while (read < needed) {
            int got = in.read(piece, 0, (int) Math.min(piece.length, needed - read));
            if (got < 0) {
                throw new IOException(file + ": truncated IDX file: the header promises " + promise + " ("
                        + needed + " bytes) but the file holds only " + read);
            }
            read += got;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(MaybeGzipped.open(file));
    }

    /**
     * Images read from an IDX file into a direct buffer.
     *
     * @param pixels pixels in [0, 1] as native-order floats, one image per row
     * @param count number of images
     * @param rows image height
     * @param cols image width
     */
    public record OffHeapImages(ByteBuffer pixels, int count, int rows, int cols) {
        /** Pixels per image. */
        public int width() {
            return rows * cols;
        }

        /** All images as a table over this buffer (no copy). */
        public Table table() {
            return rows(0, count);
        }

        /** Images {@code from .. from + n - 1}, clipped to those there are, as a table over this buffer (no copy). */
        public Table rows(int from, int n) {
            int to = Math.min(count, from + n);
            ByteBuffer view = pixels.duplicate();
            view.limit(to * width() * Float.BYTES).position(from * width() * Float.BYTES);
            return Table.ofNumeric(Schema.numeric("pixel", width()), view.slice().order(ByteOrder.nativeOrder()), null);
        }

        /** Image {@code index} copied into a heap array, the form a row arriving from Weka or Tribuo has. */
        public float[] row(int index) {
            float[] out = new float[width()];
            pixels.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer().position(index * width()).get(out);
            return out;
        }
    }

    /**
     * Images read from an IDX file.
     *
     * @param pixels row-major pixels in [0, 1], one image per row
     * @param count number of images
     * @param rows image height
     * @param cols image width
     */
    public record Images(float[] pixels, int count, int rows, int cols) {
        /** Pixels per image. */
        public int width() {
            return rows * cols;
        }
    }
}
