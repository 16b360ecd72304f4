package org.vae4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that it is either wholly replaced or left as it was: the contents go to a temporary file in
 * the same folder, are flushed to the disk, and the temporary file is then renamed over the target in one
 * atomic step. A reader never sees half a file, and a failed or killed write never loses the old one.
 *
 * <p>A replaced file keeps its POSIX permissions; a new file gets those of a plain create (under the umask).
 * Temporary files are named {@code .NAME.PID-N.tmp} after the writing process, so that a later write of the
 * same file removes those left behind by a process that was killed, and never those of a live writer. A
 * target that is a symbolic link is written through the link. Failures are reported as
 * {@link FileWriteException}s naming the file and the cause.
 */
public final class AtomicFile {

    /** Writes the contents of a file onto a stream; the stream is closed by {@link AtomicFile}. */
    @FunctionalInterface
    public interface Contents {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Opens the temporary file's channel; replaced in tests to inject a failing disk. */
    @FunctionalInterface
    interface Storage {
        FileChannel create(Path temp) throws IOException;
    }

    private static final String SUFFIX = ".tmp";
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private final Storage storage;

    private AtomicFile(Storage storage) {
        this.storage = storage;
    }

    /**
     * Writes {@code file} atomically, creating its folder if needed.
     *
     * @throws FileWriteException naming the file and the cause, with the old file (if any) intact and no
     *         temporary file left behind
     */
    public static void write(Path file, Contents contents) throws FileWriteException {
        new AtomicFile(AtomicFile::createFile).replace(file, contents);
    }

    /** An atomic writer whose temporary files are opened by {@code storage}, for tests. */
    static AtomicFile on(Storage storage) {
        return new AtomicFile(storage);
    }

    /**
     * Checks, before any long work, that {@code file} can be written: its folder exists or can be created,
     * a file can be created in it, and the target is not a folder or a read-only file. Removes the
     * temporary files that killed writers of {@code file} left behind.
     *
     * @throws FileWriteException naming the file and why it cannot be written
     */
    public static void checkWritable(Path file) throws FileWriteException {
        Path target = target(file);
        try {
            refuseNonRegular(target);
            if (Files.exists(target) && !Files.isWritable(target)) {
                throw new IOException("the file is read-only");
            }
            Temp probe = createTemp(target, AtomicFile::createFile);
            try {
                probe.channel.close();
            } finally {
                Files.delete(probe.temp);
            }
        } catch (IOException e) {
            throw new FileWriteException(file, e);
        }
    }

    /** Writes {@code file} atomically with this writer's storage. */
    void replace(Path file, Contents contents) throws FileWriteException {
        Path target = target(file);
        Temp temp = null;
        try {
            refuseNonRegular(target);
            temp = createTemp(target, storage);
            try (FileChannel channel = temp.channel;
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                copyPermissions(target, temp.temp);
                contents.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp.temp, target);
            syncFolder(target.getParent());
        } catch (IOException e) {
            throw new FileWriteException(file, e);
        } catch (UncheckedIOException e) {
            throw new FileWriteException(file, e.getCause());
        } finally {
            if (temp != null) {
                deleteQuietly(temp.temp);
            }
        }
    }

    /** The file a write replaces: the target of a symbolic link, the path itself otherwise. */
    private static Path target(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            return Files.isSymbolicLink(absolute) && Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Only a regular file (or nothing yet) may be replaced: never a folder, a device or a pipe. */
    private static void refuseNonRegular(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("it is a folder");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IOException("it is not a regular file (a device or a pipe), which vae4j does not replace");
        }
    }

    private record Temp(Path temp, FileChannel channel) {}

    private static Temp createTemp(Path target, Storage storage) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        removeStaleTemps(target);
        Path temp = dir.resolve(tempPrefix(target) + PID + "-" + COUNTER.incrementAndGet() + SUFFIX);
        return new Temp(temp, storage.create(temp));
    }

    /** A new file, with the permissions a plain create gives (unlike a temporary file's 0600). */
    private static FileChannel createFile(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /** Deletes the temporary files of {@code target} whose writing process is no longer alive. */
    static void removeStaleTemps(Path target) throws IOException {
        String prefix = tempPrefix(target);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(target.getParent(), prefix + "*" + SUFFIX)) {
            for (Path temp : temps) {
                String name = temp.getFileName().toString();
                String owner = name.substring(prefix.length(), name.length() - SUFFIX.length());
                long pid = pid(owner);
                if (pid > 0 && pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                    deleteQuietly(temp);
                }
            }
        }
    }

    /** The process id of a temporary file's {@code PID-N} part, or -1 when it is not one of ours. */
    private static long pid(String owner) {
        int dash = owner.indexOf('-');
        if (dash <= 0 || !owner.substring(dash + 1).matches("[0-9]+")) {
            return -1;
        }
        try {
            return Long.parseLong(owner.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (source != null && Files.exists(from)) {
            Files.setPosixFilePermissions(to, source.readAttributes().permissions());
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows syncing a folder (Linux, macOS). */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; the rename is still atomic there.
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the write's own outcome is what matters; a stale temporary is removed by the next write
        }
    }

    /** The cause of a failure in words: the file system's reason without repeating the file name. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way of its folder";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
