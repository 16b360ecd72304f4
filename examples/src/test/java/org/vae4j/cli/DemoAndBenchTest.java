package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.vae4j.engine.NativeKernels;
import org.junit.jupiter.api.io.TempDir;

/** The demo on the shipped Fashion-MNIST subset (cut short) and the benchmark on tiny images. */
class DemoAndBenchTest {

    @TempDir
    Path dir;

    @Test
    void demoWritesEverythingIntoOneFolder() throws Exception {
        Path out = dir.resolve("demo");
        Cli.Result r = Cli.run("demo", "--subset", "--epochs", "100000", "--patience", "100000", "--max-minutes", "0.1",
                "--train-limit", "300",
                "--k", "3", "--ll-rows", "20", "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("demo output in " + out.toAbsolutePath()), r.out());
        for (String name : List.of("model.vae", "report.json", "latents.csv", "loss.png", "latent-map.png",
                "samples.png", "reconstructions.png")) {
            assertTrue(r.out().contains("  " + name), name + " listed: " + r.out());
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        assertNotNull(ImageIO.read(out.resolve("samples.png").toFile()));
        String report = Files.readString(out.resolve("report.json"));
        assertEquals(300, (int) TabularCommandsTest.number(report, "train_rows"));
        assertEquals(1000, (int) TabularCommandsTest.number(report, "test_rows"), "the shipped test subset");
        assertEquals(20, (int) TabularCommandsTest.number(report, "log_likelihood_rows"));
        // Bernoulli pixels on grey levels: the scores are binary cross-entropies, and named so
        double testElbo = TabularCommandsTest.number(report, "test_elbo_bce");
        assertTrue(Double.isFinite(TabularCommandsTest.number(report, "test_log_likelihood_bce")), report);
        assertTrue(report.contains("not log-densities"), report);
        assertTrue(testElbo < 0 && testElbo > -800, report);
        assertTrue(TabularCommandsTest.number(report, "samples_per_second") > 0, report);
        assertTrue(report.contains("\"time_budget_spent\": true"), report);
        assertTrue(TabularCommandsTest.number(report, "seconds") < 6 + 5, "training stopped soon after 6 s: " + report);
        assertTrue(r.err().contains("training budget ran out"), r.all());
        assertTrue(report.contains("\"device\": \"cpu()\"") || report.contains("\"device\": \"gpu"), report);
        assertTrue(report.contains("\"native_kernels\": " + NativeKernels.available()), report);
        List<String> latents = Files.readAllLines(out.resolve("latents.csv"));
        assertEquals(1001, latents.size());
        assertTrue(latents.get(0).endsWith(",z19,label"), latents.get(0));
        assertTrue(latents.stream().skip(1).anyMatch(l -> l.endsWith(",Ankle boot")), "class names, not numbers");
    }

    @Test
    void benchPrintsTheReferenceLines() throws Exception {
        Fixtures.idx(dir, "train", 50, 8);
        Fixtures.idx(dir, "t10k", 20, 8);
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Cli.Result r;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = Cli.run("bench", "--epochs", "2", "--data-dir", dir.toString());
        } finally {
            System.setOut(saved);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, r.code(), r.all() + printed);
        assertTrue(printed.contains("epoch 1 train_seconds="), printed);
        assertTrue(printed.contains("epoch 2 train_seconds="), printed);
        assertTrue(printed.matches("(?s).*SUMMARY peer=vae4j epochs=2 .*test_elbo=-[0-9.]+.*"), printed);
    }

    @Test
    void benchWithoutDataSaysWhatToInstall() {
        Cli.Result r = Cli.run("bench", "--data-dir", dir.resolve("none").toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("dataset-fashion-mnist"), r.all());
    }
}
