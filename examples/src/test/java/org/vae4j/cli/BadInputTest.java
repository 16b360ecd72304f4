package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in exit code 2 and one line naming the file, line, column or option; nothing is written. */
class BadInputTest {

    @TempDir
    static Path dir;

    static Fixtures.Trained points;

    @BeforeAll
    static void train() throws IOException {
        points = Fixtures.trained(dir, "--class", "class", "--conditional");
    }

    private static void assertBadInput(Cli.Result r, String... expected) {
        r.assertUserError(expected);
    }

    @Test
    void unknownOrMissingOptionsAreOneLineWithoutTheUsage() {
        Cli.Result unknown = Cli.run("train", "--data", "a.csv", "--out", "a.vae", "--bogus");
        unknown.assertUserError("vae4j train: error:", "--bogus", "vae4j train --help");
        assertFalse(unknown.err().contains("Usage:"), unknown.err());
        Cli.Result missing = Cli.run("generate", "-n", "3");
        missing.assertUserError("vae4j generate: error:", "--model", "vae4j generate --help");
        assertFalse(missing.err().contains("Usage:"), missing.err());
    }

    @Test
    void missingDataFile() {
        Path out = dir.resolve("never.vae");
        Cli.Result r = Cli.run("train", "--data", dir.resolve("nope.csv").toString(), "--out", out.toString());
        assertBadInput(r, "file not found", "nope.csv");
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedCsvRowNamesLineAndColumn() throws IOException {
        Path bad = dir.resolve("short-row.csv");
        List<String> lines = Files.readAllLines(points.data()).subList(0, 8);
        lines.set(4, "1.5,2.5,red");
        Files.write(bad, lines);
        Cli.Result r = Cli.run("train", "--data", bad.toString(), "--out", dir.resolve("x.vae").toString());
        assertBadInput(r, "short-row.csv, line 5, column 4 ('flag')", "expected 5 fields, got 3");
    }

    @Test
    void textInANumericColumnNamesLineAndColumn() throws IOException {
        Path bad = dir.resolve("text.csv");
        List<String> lines = Files.readAllLines(points.data()).subList(0, 8);
        lines.set(6, lines.get(6).replaceFirst("^[^,]*,[^,]*,", "1.0,oops,"));
        Files.write(bad, lines);
        Cli.Result r = Cli.run("train", "--data", bad.toString(), "--type", "x2=numeric", "--out",
                dir.resolve("x.vae").toString());
        assertBadInput(r, "text.csv, line 7, column 2 ('x2')", "'oops' is not a number");
    }

    @Test
    void unknownColumnInAnOption() {
        Cli.Result r = Cli.run("train", "--data", points.data().toString(), "--type", "height=numeric", "--out",
                dir.resolve("x.vae").toString());
        assertBadInput(r, "--type 'height' is not a column of", "points.csv", "x1, x2, colour, flag, class");
    }

    @Test
    void dataWithoutTheModelsColumn() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.write(other, List.of("a,b", "1,2", "3,4"));
        Cli.Result r = Cli.run("encode", "--model", points.model().toString(), "--data", other.toString(), "--out",
                dir.resolve("z.csv").toString());
        assertBadInput(r, "the model's column 'x1' is not a column of", "other.csv");
    }

    @Test
    void unknownLevelNamesLineAndColumn() throws IOException {
        Path odd = dir.resolve("odd-colour.csv");
        List<String> lines = Files.readAllLines(points.data()).subList(0, 5);
        lines.set(2, lines.get(2).replace(",red,", ",purple,").replace(",green,", ",purple,").replace(",blue,", ",purple,"));
        Files.write(odd, lines);
        Cli.Result r = Cli.run("encode", "--model", points.model().toString(), "--data", odd.toString(), "--out",
                dir.resolve("z.csv").toString());
        assertBadInput(r, "odd-colour.csv, line 3, column 3 ('colour')", "unknown level 'purple'");
    }

    @Test
    void anUnusableModelFileIsNamedOnce() throws IOException {
        byte[] good = Files.readAllBytes(points.model());
        byte[] otherVersion = good.clone();
        otherVersion[15] = 99;
        byte[] corrupt = good.clone();
        corrupt[corrupt.length / 2] ^= 1;
        Path missing = dir.resolve("no-such.vae");
        Map<Path, String> expected = new LinkedHashMap<>();
        expected.put(points.data(), "not a vae4j model file");
        expected.put(Files.write(dir.resolve("truncated.vae"), Arrays.copyOf(good, good.length / 2)), "truncated");
        expected.put(Files.write(dir.resolve("corrupt.vae"), corrupt), "corrupt");
        expected.put(Files.write(dir.resolve("version99.vae"), otherVersion), "unsupported model file version 99");
        expected.put(Files.write(dir.resolve("empty.vae"), new byte[0]), "not a vae4j model file");
        expected.put(Files.createDirectories(dir.resolve("folder.vae")), "is a directory, not a model file");
        expected.put(missing, "file not found");
        expected.put(Path.of("/dev/null"), "is not a regular file");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Cli.Result r = Cli.run("info", "--model", e.getKey().toString());
            assertBadInput(r, e.getValue());
            assertEquals(1, r.err().split(Pattern.quote(e.getKey().toString()), -1).length - 1,
                    "the file named once: " + r.all());
        }
    }

    @Test
    void classNotInTheData() {
        Cli.Result r = Cli.run("train", "--data", points.data().toString(), "--class", "species", "--out",
                dir.resolve("x.vae").toString());
        assertBadInput(r, "--class 'species' is not a column of", "points.csv");
    }

    @Test
    void classNotAmongTheModelsClasses() {
        Cli.Result r = Cli.run("generate", "--model", points.model().toString(), "-n", "3", "--class", "C", "--out",
                dir.resolve("g.csv").toString());
        assertBadInput(r, "--class 'C' is not a class of", "classes of 'class': A, B");
    }

    @Test
    void classForAnUnconditionalModel() throws IOException {
        Path plain = dir.resolve("plain.vae");
        assertEquals(0, Cli.run("train", "--data", points.data().toString(), "--latent", "2", "--hidden", "4", "--epochs", "1",
                "--out", plain.toString()).code());
        Cli.Result r = Cli.run("generate", "--model", plain.toString(), "-n", "3", "--class", "A", "--out",
                dir.resolve("g.csv").toString());
        assertBadInput(r, "--class needs a conditional model");
    }

    @Test
    void outOfRangeOptionNamesTheFlag() {
        Cli.Result r = Cli.run("train", "--data", points.data().toString(), "--latent", "0", "--out",
                dir.resolve("x.vae").toString());
        assertBadInput(r, "--latent must be >= 1");
    }

    @Test
    void networksTooLargeForTheDataNameTheFlag() {
        // Small enough for one input column, too large for the seven this file encodes to.
        Cli.Result r = Cli.run("train", "--data", points.data().toString(), "--hidden", "50000000", "--latent", "1",
                "--out", dir.resolve("x.vae").toString());
        assertBadInput(r, "--hidden makes the networks need");
        assertFalse(r.err().contains("encoderHidden"), r.all());
        assertFalse(r.err().contains("epoch 1"), "refused before training: " + r.all());
    }

    @Test
    void pngForNonImageData() {
        Cli.Result r = Cli.run("generate", "--model", points.model().toString(), "-n", "3", "--out",
                dir.resolve("g.csv").toString(), "--png", dir.resolve("g.png").toString());
        assertBadInput(r, "--png needs image data");
        assertFalse(Files.exists(dir.resolve("g.csv")), "checked before anything is written");
    }

    /** An IDX file: the header's counts, then {@code bytes} bytes of data, gzipped when the name ends in .gz. */
    private static Path idx(String name, int magic, int[] counts, int bytes) throws IOException {
        Path file = dir.resolve(name);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(name.endsWith(".gz")
                ? new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file))) {
            out.writeInt(magic);
            for (int c : counts) {
                out.writeInt(c);
            }
            out.write(new byte[bytes]);
        }
        return file;
    }

    @Test
    void idxCountsBeyondAnIntAreRefused() throws IOException {
        Path images = idx("huge.idx", 2051, new int[] {100_000, 1000, 1000}, 16);
        Cli.Result r = Cli.run("train", "--data", images.toString(), "--out", dir.resolve("x.vae").toString());
        assertBadInput(r, "huge.idx", "100000 images of 1000 x 1000 pixels");
    }

    @Test
    void idxHeaderPromisingMoreImagesThanTheFileHoldsIsTruncated() throws IOException {
        for (String name : List.of("claims-images-idx3-ubyte", "claims-images-idx3-ubyte.gz")) {
            Path images = idx(name, 2051, new int[] {2_000_000, 28, 28}, 100 * 784);
            Cli.Result r = Cli.run("train", "--data", images.toString(), "--out", dir.resolve("x.vae").toString());
            assertBadInput(r, name + ": truncated IDX file", "2000000 images of 28 x 28 pixels", "holds only 78400");
        }
    }

    @Test
    void idxLabelsHeaderPromisingMoreLabelsThanTheFileHoldsIsTruncated() throws IOException {
        Path images = idx("few-images-idx3-ubyte", 2051, new int[] {10, 2, 2}, 40);
        idx("few-labels-idx1-ubyte", 2049, new int[] {2_000_000_000}, 10);
        Cli.Result r = Cli.run("train", "--data", images.toString(), "--out", dir.resolve("x.vae").toString());
        assertBadInput(r, "few-labels-idx1-ubyte: truncated IDX file", "2000000000 labels", "holds only 10");
    }

    @Test
    void importanceSamplesOutOfRangeNameTheOption() {
        for (String k : List.of("0", "1000000")) {
            Cli.Result r = Cli.run("evaluate", "--model", points.model().toString(), "--data",
                    points.data().toString(), "--k", k);
            assertBadInput(r, "--k must be between 1 and 100000", "got " + k);
        }
    }

    @Test
    void directoryOrDeviceAsDataSaysWhatItIs() {
        Cli.Result r = Cli.run("train", "--data", dir.toString(), "--out", dir.resolve("x.vae").toString());
        assertBadInput(r, dir + " is a directory, not a data file");
        r = Cli.run("train", "--data", "/dev/null", "--format", "csv", "--out", dir.resolve("x.vae").toString());
        assertBadInput(r, "/dev/null is not a regular file", "save the data to a file");
    }

    @Test
    void anEmptyFileNameNamesTheOption() {
        for (String option : List.of("--model", "--out")) {
            List<String> args = new ArrayList<>(List.of("generate", "--model", points.model().toString(), "-n", "3",
                    "--out", dir.resolve("g.csv").toString()));
            args.set(args.indexOf(option) + 1, "");
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.all());
            assertTrue(r.err().contains("Invalid value for option '" + option + "': an empty file name"), r.all());
        }
    }

    @Test
    void classAlsoIgnoredNamesBothOptions() {
        Cli.Result r = Cli.run("train", "--data", points.data().toString(), "--class", "class", "--ignore", "class", "--out",
                dir.resolve("x.vae").toString());
        assertBadInput(r, "--class 'class'", "--ignore");
    }

    @Test
    void strayTextInANumberColumnIsWarnedAbout() throws IOException {
        Path stray = dir.resolve("stray.csv");
        List<String> lines = Files.readAllLines(points.data());
        lines.set(6, lines.get(6).replaceFirst("^[^,]*,[^,]*,", "1.0,oops,"));
        Files.write(stray, lines);
        Cli.Result r = Cli.run("train", "--data", stray.toString(), "--latent", "2", "--hidden", "4", "--epochs", "1",
                "--out", dir.resolve("stray.vae").toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.err().contains("warning: " + stray + ", column 'x2': 1 of 30 values is not a number (line 7: 'oops')"),
                r.all());
    }
}
