package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed outright (SIGKILL, no shutdown hook) leaves the file it was replacing intact; the next write
 * of that file removes the dead writer's temporary file.
 */
class KilledWriteTest {

    @TempDir
    Path dir;

    private Optional<Path> temporaryOf(Path file) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("." + file.getFileName() + ".")
                    && p.getFileName().toString().endsWith(".tmp")).findFirst();
        }
    }

    /** The size of a file that may vanish meanwhile (the check that outputs can be written makes one briefly). */
    private static long sizeOrZero(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    @Test
    void aKilledGenerateKeepsTheOldFileAndTheNextWriteCleansUp() throws Exception {
        Path data = Fixtures.csv(dir, "points.csv", 30);
        Path model = dir.resolve("points.vae");
        Cli.Result trained = Cli.run("train", "--data", data.toString(), "--latent", "2", "--hidden", "8", "--epochs",
                "1", "--out", model.toString());
        assertEquals(0, trained.code(), trained.all());
        Path out = dir.resolve("samples.csv");
        assertEquals(0, Cli.run("generate", "--model", model.toString(), "-n", "2000", "--out", out.toString()).code());
        byte[] complete = Files.readAllBytes(out);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), Vae4j.class.getName(), "generate", "--model",
                model.toString(), "-n", "10000000", "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("generate.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Optional<Path> temp = Optional.empty();
        while (System.nanoTime() < deadline && process.isAlive()) {
            temp = temporaryOf(out);
            if (temp.isPresent() && sizeOrZero(temp.get()) > 1 << 16) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(temp.isPresent() && Files.exists(temp.get()), "killed mid-write: " + Files.readString(dir.resolve("generate.log")));
        assertArrayEquals(complete, Files.readAllBytes(out), "the old file is intact");

        Cli.Result again = Cli.run("generate", "--model", model.toString(), "-n", "5", "--out", out.toString());
        assertEquals(0, again.code(), again.all());
        assertEquals(6, Files.readAllLines(out).size());
        assertEquals(Optional.empty(), temporaryOf(out), "the dead writer's temporary file is removed");
    }
}
