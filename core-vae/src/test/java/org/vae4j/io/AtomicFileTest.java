package org.vae4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic replacement: all or nothing, permissions kept, failures named, temporaries cleaned up. */
class AtomicFileTest {

    @TempDir
    Path dir;

    private static AtomicFile.Contents text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheFileAndLeavesNoTemporary() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old");
        AtomicFile.write(file, text("new"));
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("out.csv"), namesIn(dir));
    }

    @Test
    void aPipeIsNeverReplacedByAFile() throws IOException, InterruptedException {
        Path pipe = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo is needed");
        FileWriteException write = assertThrows(FileWriteException.class, () -> AtomicFile.write(pipe, text("x")));
        assertTrue(write.getMessage().contains("not a regular file"), write.getMessage());
        FileWriteException check = assertThrows(FileWriteException.class, () -> AtomicFile.checkWritable(pipe));
        assertTrue(check.getMessage().contains("not a regular file"), check.getMessage());
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "the pipe is still a pipe");
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path file = dir.resolve("a/b/out.json");
        AtomicFile.write(file, text("{}"));
        assertEquals("{}", Files.readString(file));
    }

    @Test
    void aFailingWriteKeepsTheOldFileNamesTheCauseAndDeletesTheTemporary() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "complete old contents");
        FileWriteException e = assertThrows(FileWriteException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("could not write " + file + ": No space left on device", e.getMessage());
        assertEquals(file, e.file());
        assertEquals("complete old contents", Files.readString(file));
        assertEquals(List.of("out.csv"), namesIn(dir));
    }

    @Test
    void aFullDiskKeepsTheOldFileAndDeletesTheTemporary() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "complete old contents");
        AtomicFile onFullDisk = AtomicFile.on(temp -> {
            Files.createFile(temp);
            return FileChannel.open(full, StandardOpenOption.WRITE);
        });
        FileWriteException e = assertThrows(FileWriteException.class,
                () -> onFullDisk.replace(file, out -> out.write(new byte[1 << 20])));
        assertEquals("could not write " + file + ": No space left on device", e.getMessage());
        assertEquals("complete old contents", Files.readString(file));
        assertEquals(List.of("out.csv"), namesIn(dir));
    }

    @Test
    void aRuntimeFailureWhileWritingAlsoDeletesTheTemporary() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(file, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("out.csv"), namesIn(dir));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        for (String mode : List.of("rw-r--r--", "rw-r-----", "rw-------", "rwxr-xr-x")) {
            Path file = dir.resolve("model-" + mode + ".vae");
            Files.writeString(file, "old");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            AtomicFile.write(file, text("new"));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void aNewFileGetsThePermissionsOfAPlainCreate() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path file = dir.resolve("new.vae");
        AtomicFile.write(file, text("new"));
        assertEquals(plain, Files.getPosixFilePermissions(file));
    }

    @Test
    void writesThroughASymbolicLink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        AtomicFile.write(link, text("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void removesTemporariesOfDeadWritersOnly() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long dead = gone.pid();
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path file = dir.resolve("out.csv");
        String stale = ".out.csv." + dead + "-1.tmp";
        String running = ".out.csv." + live + "-1.tmp";
        String other = ".other.csv." + dead + "-1.tmp";
        for (String name : List.of(stale, running, other)) {
            Files.writeString(dir.resolve(name), "partial");
        }
        AtomicFile.write(file, text("new"));
        assertEquals(List.of(other, running, "out.csv"), namesIn(dir));
    }

    @Test
    void checkWritableNamesAFileInTheWayOfTheFolder() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("data.csv"), "x");
        Path file = notAFolder.resolve("model.vae");
        FileWriteException e = assertThrows(FileWriteException.class, () -> AtomicFile.checkWritable(file));
        assertTrue(e.getMessage().startsWith("could not write " + file + ": "), e.getMessage());
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void checkWritableRefusesAFolderAndLeavesNothingBehind() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("plots"));
        FileWriteException e = assertThrows(FileWriteException.class, () -> AtomicFile.checkWritable(folder));
        assertEquals("could not write " + folder + ": it is a folder", e.getMessage());
        Path file = dir.resolve("fine.csv");
        AtomicFile.checkWritable(file);
        assertEquals(List.of("plots"), namesIn(dir));
    }
}
