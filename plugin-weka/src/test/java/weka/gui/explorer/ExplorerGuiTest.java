package weka.gui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The real Weka Explorer with the VAE filter and generator, on the current display or, without one, on an
 * Xvfb server this test starts. Screenshots go to target/screenshots.
 */
class ExplorerGuiTest {

    private static final List<String> SHOTS = List.of("explorer-1-vae-filter-chosen.png",
            "explorer-2-vae-filter-applied.png", "explorer-3-generate-dialog.png", "explorer-4-generated.png");

    @Test
    void filterAndGeneratorWorkInTheExplorer() throws Exception {
        String display = System.getenv("DISPLAY");
        Process xvfb = null;
        if (display == null || display.isBlank()) {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().trim();
        }
        try {
            File shots = new File("target/screenshots");
            String output = runDriver(display, shots);
            List<String> lines = output.lines().toList();
            assertEquals("applied [z1, z2, class]", line(lines, "applied"), output);
            assertEquals("dialog weka.datagenerators.classifiers.classification.VAEGenerator", line(lines, "dialog"));
            assertEquals("generated 30 [sepallength, sepalwidth, petallength, petalwidth, class]",
                    line(lines, "generated"));
            for (String name : SHOTS) {
                BufferedImage image = ImageIO.read(new File(shots, name));
                assertTrue(image != null && image.getWidth() > 300 && image.getHeight() > 100, name);
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static String runDriver(String display, File shots) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"),
                ExplorerDriver.class.getName(), Path.of(ExplorerGuiTest.class.getResource("/iris.arff").toURI())
                        .toString(), shots.getPath()).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(4, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String line(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + " ")).findFirst().orElse("(none)");
    }
}
