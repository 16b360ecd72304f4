package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;

/**
 * Outputs never destroy inputs or each other, are checked before training, and are written whole:
 * a refused or failed output ends in exit code 2, one line, and every file as it was.
 */
class OutputSafetyTest {

    @TempDir
    static Path dir;

    static Fixtures.Trained points;

    @BeforeAll
    static void train() throws IOException {
        points = Fixtures.trained(dir);
    }

    private static void assertRefused(Cli.Result r, String... expected) {
        r.assertUserError(expected);
        assertFalse(r.err().contains("training finished"), "refused before training: " + r.all());
    }

    private static List<String> tempFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    /** Runs a command that must be refused with {@code expected} and leave {@code input} as it was. */
    private static void assertRefusedKeeping(Path input, String expected, String... args) throws IOException {
        byte[] before = Files.readAllBytes(input);
        assertRefused(Cli.run(args), expected);
        assertArrayEquals(before, Files.readAllBytes(input));
    }

    @Test
    void trainRefusesToOverwriteItsData() throws IOException {
        assertRefusedKeeping(points.data(), "--out " + points.data() + " is the --data file",
                "train", "--data", points.data().toString(), "--epochs", "1", "--out", points.data().toString());
    }

    @Test
    void trainRefusesAnOutputThatLinksToItsData() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link-to-points.csv"), points.data());
        assertRefusedKeeping(points.data(), "--report " + link + " is the --data file",
                "train", "--data", points.data().toString(), "--epochs", "1", "--out", points.model().toString(),
                "--report", link.toString());
    }

    @Test
    void generateRefusesToOverwriteItsModel() throws IOException {
        assertRefusedKeeping(points.model(), "--out " + points.model() + " is the --model file",
                "generate", "--model", points.model().toString(), "-n", "3", "--out", points.model().toString());
    }

    @Test
    void everyCommandRefusesToOverwriteAnInput() throws IOException {
        byte[] before = Files.readAllBytes(points.data());
        String m = points.model().toString();
        String d = points.data().toString();
        String elsewhere = dir.resolve("elsewhere.csv").toString();
        assertRefused(Cli.run("encode", "--model", m, "--data", d, "--out", d), "--out", "is the --data file");
        assertRefused(Cli.run("evaluate", "--model", m, "--data", d, "--out", d), "--out", "is the --data file");
        assertRefused(Cli.run("reconstruct", "--model", m, "--data", d, "--out", d), "--out", "is the --data file");
        assertRefused(Cli.run("reconstruct", "--model", m, "--data", d, "--out", elsewhere, "--png", m),
                "--png", "is the --model file");
        assertArrayEquals(before, Files.readAllBytes(points.data()));
        assertFalse(Files.exists(Path.of(elsewhere)));
    }

    @Test
    void theLabelsBesideIdxImagesAreAnInputToo() throws IOException {
        Path images = Fixtures.idx(Files.createDirectories(dir.resolve("idx")), "train", 12, 6);
        Path labels = images.resolveSibling("train-labels-idx1-ubyte.gz");
        String expected = labels + " is a file read with --data";
        assertRefusedKeeping(labels, "--out " + expected,
                "train", "--data", images.toString(), "--epochs", "1", "--out", labels.toString());
        assertRefusedKeeping(labels, "--report " + expected, "train", "--data", images.toString(), "--epochs", "1",
                "--out", dir.resolve("idx.vae").toString(), "--report", labels.toString());
        for (String command : List.of("encode", "evaluate", "reconstruct")) {
            assertRefusedKeeping(labels, "--out " + expected, command, "--model", points.model().toString(), "--data",
                    images.toString(), "--out", labels.toString());
        }
    }

    @Test
    void csvOnlyOutputsRefuseAnArffName() {
        Path arff = dir.resolve("latents.arff");
        for (String command : List.of("encode", "evaluate")) {
            assertRefused(Cli.run(command, "--model", points.model().toString(), "--data", points.data().toString(),
                    "--out", arff.toString()), "--out " + arff + ": " + command + " writes CSV");
            assertFalse(Files.exists(arff));
        }
    }

    @Test
    void twoOutputsOfOneRunMayNotShareAFile() {
        Path out = dir.resolve("twice.vae");
        assertRefused(Cli.run("train", "--data", points.data().toString(), "--epochs", "1", "--out", out.toString(),
                "--report", out.toString()), "--report " + out + " is also the --out file");
        assertFalse(Files.exists(out));
    }

    @Test
    void trainRefusesPlotsThatWouldReplaceItsData() throws IOException {
        Path plots = Files.createDirectories(dir.resolve("plots-holding-data"));
        Path disguised = Files.copy(points.data(), plots.resolve("loss.png"));
        assertRefused(Cli.run("train", "--data", disguised.toString(), "--format", "csv", "--epochs", "1", "--out",
                dir.resolve("p.vae").toString(), "--plots", plots.toString()),
                "--plots " + plots + " would replace the --data file " + disguised);
        assertArrayEquals(Files.readAllBytes(points.data()), Files.readAllBytes(disguised));
    }

    @Test
    void anUnwritableOutputIsFoundBeforeTraining() {
        Path blocked = points.data().resolve("model.vae");
        assertRefused(Cli.run("train", "--data", points.data().toString(), "--epochs", "1", "--out", blocked.toString()),
                "could not write " + blocked);
        Path fine = dir.resolve("fine.vae");
        assertRefused(Cli.run("train", "--data", points.data().toString(), "--epochs", "1", "--out", fine.toString(),
                "--report", points.data().resolve("report.json").toString()),
                "could not write " + points.data().resolve("report.json"));
        assertRefused(Cli.run("train", "--data", points.data().toString(), "--epochs", "1", "--out", fine.toString(),
                "--plots", points.data().toString()), "could not write " + points.data().resolve("loss.png"));
        assertFalse(Files.exists(fine), "nothing written when an output cannot be");
    }

    @Test
    void aFolderAsOutputIsFoundBeforeWork() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        assertRefused(Cli.run("generate", "--model", points.model().toString(), "-n", "3", "--out", folder.toString()),
                "could not write " + folder + ": it is a folder");
    }

    @Test
    void aPipeOrDeviceAsOutputIsRefusedAndKept() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.csv");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        } catch (IOException e) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo makes a named pipe");
        assertRefused(Cli.run("generate", "--model", points.model().toString(), "-n", "3", "--out", fifo.toString()),
                "could not write " + fifo + ": it is not a regular file");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is still a pipe");
    }

    @Test
    void aReplacedModelKeepsItsPermissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path shared = dir.resolve("shared.vae");
        Files.copy(points.model(), shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result r = Cli.run("train", "--data", points.data().toString(), "--latent", "2", "--hidden", "8", "--epochs", "1",
                "--out", shared.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        assertEquals(List.of(), tempFilesIn(dir));
    }

    @Test
    void generateStreamsTheSameRowsAsGeneratingAtOnce() throws IOException {
        int n = GenerateCommand.CHUNK_ROWS * 2 + 3;
        Path out = dir.resolve("many.csv");
        Cli.Result r = Cli.run("generate", "--model", points.model().toString(), "-n", Integer.toString(n), "--seed", "4",
                "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        List<String> lines = Files.readAllLines(out);
        assertEquals(n + 1, lines.size());
        Path whole = dir.resolve("whole.csv");
        try (Vae vae = Vae.load(points.model())) {
            org.vae4j.cli.data.TableWriter.write(vae.generate(n, 4), whole);
        }
        assertEquals(Files.readAllLines(whole), lines);
    }
}
