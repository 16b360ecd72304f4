package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files written by earlier releases keep working: a conditional model of Weka's labor data (mixed
 * columns, missing cells) saved in format 2 by the release before the component manifest, with the
 * encodings and generated rows that release produced. Loading it must reproduce both exactly.
 */
class GoldenModelFileTest {

    private static final String MODEL = "labor-format2.vae4j";

    @TempDir
    Path dir;

    @Test
    void aFormat2ModelEncodesExactlyAsTheReleaseThatWroteIt() throws IOException {
        Path encoded = dir.resolve("encoded.csv");
        Cli.Result r = Cli.run("encode", "--model", fixture(MODEL).toString(), "--data", fixture("labor.arff").toString(),
                "--out", encoded.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals(text("labor-format2.encoded.csv"), Files.readString(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void aFormat2ModelGeneratesExactlyAsTheReleaseThatWroteIt() throws IOException {
        Path generated = dir.resolve("generated.csv");
        Cli.Result r = Cli.run("generate", "--model", fixture(MODEL).toString(), "-n", "5", "--seed", "3", "--out",
                generated.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals(text("labor-format2.generated.csv"), Files.readString(generated, StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = GoldenModelFileTest.class.getResourceAsStream("/golden/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String text(String name) throws IOException {
        try (InputStream in = GoldenModelFileTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
