package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthReportCommandTest {

    @TempDir
    Path dir;

    /** 24 rows: x = 1..24 (whole numbers), k alternating a/b, class yes from x = 13 on. */
    private Path real() throws IOException {
        StringBuilder arff = new StringBuilder("@relation r\n@attribute x numeric\n@attribute k {a,b}\n"
                + "@attribute class {no,yes}\n@data\n");
        for (int i = 1; i <= 24; i++) {
            arff.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append(',').append(i > 12 ? "yes" : "no")
                    .append('\n');
        }
        return Files.writeString(dir.resolve("real.arff"), arff);
    }

    @Test
    void writesTheReportAndPictures() throws IOException {
        Path real = real();
        // 4 rows: one copies a real row, one is out of range, one fractional, one has an unseen level.
        Path synthetic = Files.writeString(dir.resolve("synthetic.csv"), "x,k,class\n2,a,no\n30,b,yes\n"
                + "5.5,b,no\n20,c,yes\n");
        Path out = dir.resolve("report.json");
        Cli.Result r = Cli.run("synth-report", "--real", real.toString(), "--synthetic", synthetic.toString(),
                "--class", "class", "--out", out.toString(), "--png", dir.resolve("pics").toString());
        assertEquals(0, r.code(), r.all());
        String json = Files.readString(out);
        assertTrue(json.contains("\"impossible\": 3"), json);
        assertTrue(json.contains("\"out_of_range\": 1") && json.contains("\"fractional\": 1")
                && json.contains("\"unseen_level\": 1"), json);
        assertTrue(json.contains("\"learner\": \"J48\"") && json.contains("\"learner\": \"Logistic\""), json);
        assertTrue(json.contains("seed 1"), "the split without --holdout is stated: " + json);
        assertTrue(Files.size(dir.resolve("pics/histograms.png")) > 0);
        assertTrue(Files.size(dir.resolve("pics/embedding.png")) > 0);
    }

    @Test
    void aClassColumnTheRealDataLacksIsAUserError() throws IOException {
        Path real = real();
        Path out = dir.resolve("report.json");
        Cli.run("synth-report", "--real", real.toString(), "--synthetic", real.toString(), "--class", "label",
                "--out", out.toString()).assertUserError("'label'", real.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void theReportNeverReplacesAnInput() throws IOException {
        Path real = real();
        Cli.run("synth-report", "--real", real.toString(), "--synthetic", real.toString(), "--class", "class",
                "--out", real.toString()).assertUserError("--out");
        assertTrue(Files.readString(real).startsWith("@relation"));
    }
}
