package org.vae4j.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

/**
 * vae4j's own native kernels (src/main/c): single-pass loops for work DJL can only express as a chain of
 * engine calls, each a full pass over memory: Adam's update (eleven passes become one), the gather of a
 * mini-batch's rows, a fully connected layer that skips zero inputs (AVX-512), and a range check. They
 * work in place on the storage of CPU float arrays ({@link #storageOf}); the parallel ones run on the
 * engine's own OpenMP threads (see the C source for how they are found).
 *
 * <p>The library is built with the jar for the platform the build ran on (a C compiler must be present;
 * see core-vae's pom) and loaded from the class path on first use. Where it is missing (another platform,
 * a build without a compiler) or switched off with {@code -Dvae4j.nativeKernels=false}, {@link #available}
 * says no and callers use engine calls instead. The two agree to float rounding: the kernels do the
 * same float operations in the same order, without fused multiply-adds, and differ only in the square
 * root, which the kernel rounds correctly and the engine's vectorised one sometimes does not (one unit in
 * the last place, in about one element in seven).
 */
public final class NativeKernels {

    /** System property that switches the kernels off ({@code false}); they are on by default. */
    public static final String ENABLED_PROPERTY = "vae4j.nativeKernels";

    private static final String LIBRARY = "vae4j_kernels";
    private static final String UNAVAILABLE_REASON;
    private static final boolean SPARSE_LINEAR;

    static {
        UNAVAILABLE_REASON = load();
        SPARSE_LINEAR = UNAVAILABLE_REASON == null && cpuHasAvx512();
    }

    /** Whether the kernels joined the engine's OpenMP runtime (else the parallel ones run on one thread). */
    private static final class EngineOpenMp {
        static final boolean JOINED = join();

        private static boolean join() {
            Engines.pytorch();
            Path engineLibrary = Path.of(LibUtils.getLibtorchPath(), System.mapLibraryName("torch_cpu"));
            try {
                return joinEngineOpenMp(engineLibrary.toString());
            } catch (LinkageError e) {
                return false;
            }
        }
    }

    private NativeKernels() {}

    /** Whether the kernels are loaded and switched on. */
    public static boolean available() {
        return UNAVAILABLE_REASON == null;
    }

    /** Why the kernels are not in use, or null when they are. */
    public static String unavailableReason() {
        return UNAVAILABLE_REASON;
    }

    /**
     * Whether the kernels can work on {@code array}: they are loaded, it is a float array in CPU memory, and
     * the engine hands out its storage itself ({@link #storageOf} succeeds). Callers that get false use
     * engine calls instead.
     */
    public static boolean canWorkOn(NDArray array) {
        return available() && array.getDataType() == DataType.FLOAT32
                && array.getDevice().getDeviceType().equals(Device.Type.CPU) && sharedStorage(array) != null;
    }

    /**
     * The array's own storage as a direct buffer: writes through it change the array.
     *
     * @throws IllegalStateException if the engine hands out copies instead (for an array that is not
     *     contiguous, DJL copies it: two calls then give two different buffers)
     */
    public static ByteBuffer storageOf(NDArray array) {
        ByteBuffer buffer = sharedStorage(array);
        if (buffer == null) {
            throw new IllegalStateException("the engine gave a copy, not the storage, of an array of shape "
                    + array.getShape() + " (not contiguous?)");
        }
        return buffer;
    }

    /** The array's storage, or null where the engine hands out a copy. */
    private static ByteBuffer sharedStorage(NDArray array) {
        ByteBuffer buffer = array.toByteBuffer(true);
        boolean shared = buffer.isDirect() && buffer.capacity() >= array.size() * Float.BYTES
                && addressOf(buffer) == addressOf(array.toByteBuffer(true));
        return shared ? buffer : null;
    }

    private static native long addressOf(ByteBuffer buffer);

    /**
     * One step of Adam with rescaled moments over {@code count} floats, in place, leaving a zero gradient:
     * {@code M = beta1 M + g; V = beta2 V + g^2; w -= (M / (sqrt(V) + shiftedEpsilon)) * stepScale}.
     * The buffers come from {@link #storageOf}.
     */
    public static void adamUpdate(ByteBuffer weight, ByteBuffer gradient, ByteBuffer mean, ByteBuffer variance,
            long count, float beta1, float beta2, float shiftedEpsilon, float stepScale) {
        long bytes = count * Float.BYTES;
        if (count < 0 || weight.capacity() < bytes || gradient.capacity() < bytes || mean.capacity() < bytes
                || variance.capacity() < bytes) {
            throw new IllegalArgumentException("a buffer holds fewer than " + count + " floats");
        }
        adamUpdateNative(weight, gradient, mean, variance, count, beta1, beta2, shiftedEpsilon, stepScale,
                engineThreads());
    }

    private static native void adamUpdateNative(ByteBuffer weight, ByteBuffer gradient, ByteBuffer mean,
            ByteBuffer variance, long count, float beta1, float beta2, float shiftedEpsilon, float stepScale,
            int engineThreads);

    /**
     * Whether {@link #sparseLinear} can run here: the kernels are loaded and the CPU has AVX-512 (without
     * it a dense product is faster).
     */
    public static boolean sparseLinearAvailable() {
        return SPARSE_LINEAR;
    }

    /**
     * A fully connected layer that skips the zeros of its input: {@code y = bias + x W^T} for {@code rows}
     * rows of width {@code in}, summing over each row's non-zero entries only. Worth it on inputs with many
     * exact zeros (image pixels, one-hot levels). Buffers are float storage from {@link #storageOf} (or
     * direct buffers in native order); {@code transposedWeight} is W^T, {@code in x out}, row-major.
     *
     * @return false if there was no native memory for the kernel's row lists: compute it another way
     * @throws IllegalArgumentException if a buffer holds fewer floats than the shapes need
     * @throws IllegalStateException if {@link #sparseLinearAvailable} is false
     */
    public static boolean sparseLinear(ByteBuffer x, ByteBuffer transposedWeight, ByteBuffer bias, ByteBuffer y,
            long rows, long in, long out) {
        if (!SPARSE_LINEAR) {
            throw new IllegalStateException("the sparse linear kernel needs the native kernels and AVX-512");
        }
        if (rows < 0 || in < 1 || out < 1 || x.capacity() < rows * in * Float.BYTES
                || transposedWeight.capacity() < in * out * Float.BYTES || bias.capacity() < out * Float.BYTES
                || y.capacity() < rows * out * Float.BYTES) {
            throw new IllegalArgumentException("buffers too small for " + rows + " rows of " + in + " inputs and "
                    + out + " outputs");
        }
        return sparseLinearNative(x, transposedWeight, bias, y, rows, in, out, engineThreads());
    }

    private static boolean cpuHasAvx512() {
        try {
            return sparseLinearSupported();
        } catch (LinkageError e) {
            return false;
        }
    }

    private static native boolean sparseLinearSupported();

    private static native boolean sparseLinearNative(ByteBuffer x, ByteBuffer transposedWeight, ByteBuffer bias,
            ByteBuffer y, long rows, long in, long out, int engineThreads);

    /**
     * The index of the first of {@code count} floats that is below {@code low} or above {@code high} (NaN
     * is neither), or -1: a range check of millions of pixels in one vectorised pass.
     *
     * @param values a direct buffer of floats in native order
     * @throws IllegalArgumentException if the buffer is not direct or holds fewer than {@code count} floats
     */
    public static long firstOutside(ByteBuffer values, long count, float low, float high) {
        if (!values.isDirect() || count < 0 || values.capacity() < count * Float.BYTES) {
            throw new IllegalArgumentException("need a direct buffer of at least " + count + " floats");
        }
        return firstOutsideNative(values, count, low, high);
    }

    private static native long firstOutsideNative(ByteBuffer values, long count, float low, float high);

    /**
     * Copies rows {@code rows[i]} of {@code source} (rows of {@code rowBytes} bytes) into row {@code i} of
     * {@code target}: a mini-batch gathered from a resident data set in one call, on the engine's threads.
     *
     * @throws IllegalArgumentException if a row index is out of range or a buffer is too small
     */
    public static void gatherRows(ByteBuffer source, long[] rows, ByteBuffer target, long rowBytes) {
        long sourceRows = source.capacity() / Math.max(1, rowBytes);
        for (long row : rows) {
            if (row < 0 || row >= sourceRows) {
                throw new IllegalArgumentException("row " + row + " is outside the " + sourceRows + " rows");
            }
        }
        if (rowBytes < 1 || target.capacity() < rows.length * rowBytes) {
            throw new IllegalArgumentException("the target holds fewer than " + rows.length + " rows of " + rowBytes
                    + " bytes");
        }
        gatherRowsNative(source, rows, target, rowBytes, engineThreads());
    }

    private static native void gatherRowsNative(ByteBuffer source, long[] rows, ByteBuffer target, long rowBytes,
            int engineThreads);

    /**
     * The threads a parallel kernel may use: the engine's intra-op thread count when the kernels joined its
     * OpenMP runtime, else 1.
     */
    private static int engineThreads() {
        return EngineOpenMp.JOINED ? JniUtils.getNumThreads() : 1;
    }

    /** Whether the kernels' parallel regions run on the engine's own OpenMP threads. */
    public static boolean joinedEngineThreads() {
        return available() && EngineOpenMp.JOINED;
    }

    /**
     * Looks up the OpenMP runtime that the engine's library {@code engineLibrary} (already loaded) uses,
     * for the parallel kernels; false if it is not loaded or its OpenMP runtime is not found.
     */
    private static native boolean joinEngineOpenMp(String engineLibrary);

    /** The file of the OpenMP runtime the kernels joined, or null when they run on one thread. */
    static String engineOpenMpLibrary() {
        return joinedEngineThreads() ? engineOpenMpLibraryNative() : null;
    }

    private static native String engineOpenMpLibraryNative();

    /**
     * Loads the library from the class path and checks it; returns why it could not, or null. Never throws:
     * whatever goes wrong, the callers fall back to engine calls.
     */
    private static String load() {
        if ("false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY))) {
            return "switched off with -D" + ENABLED_PROPERTY + "=false";
        }
        String platform = platform();
        String resource = "native/" + platform + "/" + System.mapLibraryName(LIBRARY);
        try (InputStream in = NativeKernels.class.getResourceAsStream(resource)) {
            return in == null ? "no native kernels were built for " + platform : loadFrom(in, platform);
        } catch (IOException e) {
            return "could not read the native kernels for " + platform + ": " + e;
        }
    }

    /** Loads the library from {@code in} and checks that it answers; returns why not, or null. */
    static String loadFrom(InputStream in, String platform) {
        try {
            // The JVM loads libraries from files only; a private copy per process keeps concurrent JVMs apart.
            Path file = Files.createTempFile("vae4j-kernels-", "-" + System.mapLibraryName(LIBRARY));
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            return selfCheck();
        } catch (IOException | LinkageError | RuntimeException e) {
            return "could not load the native kernels for " + platform + ": " + e;
        }
    }

    /** A range check on four known floats: catches a library of another version or a broken build. */
    private static String selfCheck() {
        ByteBuffer values = ByteBuffer.allocateDirect(4 * Float.BYTES).order(ByteOrder.nativeOrder());
        values.asFloatBuffer().put(new float[] {0f, 0.5f, 2f, -1f});
        long found = firstOutsideNative(values, 4, 0f, 1f);
        return found == 2 ? null : "the native kernels failed their self-check (found " + found + ", expected 2)";
    }

    /** The platform's folder name, e.g. {@code linux-x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "win" : os;
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        return osName + "-" + archName;
    }
}
