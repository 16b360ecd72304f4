package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.vae.Vae;

/** A terminated training (SIGTERM runs the same shutdown hook as Ctrl-C) saves the best model so far. */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void stoppedTrainingKeepsAndSavesTheModel() throws Exception {
        Path data = Fixtures.csv(dir, "points.csv", 400);
        Path model = dir.resolve("stopped.vae");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Dai.djl.offline=true", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Vae4j.class.getName(), "train", "--data", data.toString(),
                "--latent", "2", "--hidden", "8", "--batch", "8", "--epochs", "100000", "--patience", "100000",
                "--out", model.toString()))
                .redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.startsWith("epoch 2/")) {
                    process.toHandle().destroy();
                }
            }
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), seen.toString());
        assertTrue(seen.toString().contains("stopping; keeping the best model so far"), seen.toString());
        try (Vae vae = Vae.load(model)) {
            assertEquals(TrainingHistory.StopReason.CANCELLED, vae.history().stopReason(), seen.toString());
            assertTrue(vae.history().epochs().size() >= 2, seen.toString());
        }
    }
}
