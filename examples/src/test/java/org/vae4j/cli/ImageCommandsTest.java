package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on IDX images: the image pictures, labels read from the sibling file, --png outputs. */
class ImageCommandsTest {

    @TempDir
    static Path dir;

    static Path images;
    static Path model;
    static Cli.Result trained;

    @BeforeAll
    static void train() throws IOException {
        images = Fixtures.idx(dir, "train", 60, 8);
        model = dir.resolve("bands.vae");
        trained = Cli.run("train", "--data", images.toString(), "--latent", "3", "--hidden", "16", "--epochs", "2",
                "--out", model.toString(), "--plots", dir.resolve("plots").toString());
    }

    private static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is a PNG");
        return image;
    }

    @Test
    void trainDrawsAllFourPictures() throws IOException {
        assertEquals(0, trained.code(), trained.all());
        for (String name : List.of("loss.png", "latent-map.png", "samples.png", "reconstructions.png")) {
            assertTrue(trained.out().contains(name), name + " listed: " + trained.out());
            png(dir.resolve("plots").resolve(name));
        }
        BufferedImage samples = png(dir.resolve("plots/samples.png"));
        assertEquals(10 * (8 * 7 + 2) + 2, samples.getWidth(), "ten 8x8 tiles drawn 7x with 2-pixel gaps");
    }

    @Test
    void encodeLabelsRowsFromTheLabelsFile() throws IOException {
        Path out = dir.resolve("z.csv");
        Cli.Result r = Cli.run("encode", "--model", model.toString(), "--data", images.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        List<String> lines = Files.readAllLines(out);
        assertEquals("z0,z1,z2,label", lines.get(0));
        assertEquals(61, lines.size());
        assertTrue(lines.get(1).endsWith(",0") && lines.get(2).endsWith(",1") && lines.get(3).endsWith(",2"),
                lines.subList(0, 4).toString());
    }

    @Test
    void generateAndReconstructDrawPictures() throws IOException {
        Path grid = dir.resolve("grid.png");
        Cli.Result g = Cli.run("generate", "--model", model.toString(), "-n", "20", "--out",
                dir.resolve("g.csv").toString(), "--png", grid.toString());
        assertEquals(0, g.code(), g.all());
        BufferedImage image = png(grid);
        assertTrue(image.getHeight() > 2 * 8 * 7, "two rows of tiles");
        Path pairs = dir.resolve("pairs.png");
        Cli.Result r = Cli.run("reconstruct", "--model", model.toString(), "--data", images.toString(), "--out",
                dir.resolve("r.csv").toString(), "--png", pairs.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(png(pairs).getWidth() > 2 * 5 * 8 * 7, "originals and reconstructions side by side");
        assertEquals(61, Files.readAllLines(dir.resolve("r.csv")).size());
    }

    @Test
    void evaluateOfABernoulliImageModelSaysItsScoresAreNotDensities() throws IOException {
        Path out = dir.resolve("scores.csv");
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", images.toString(), "--k", "5",
                "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("elbo_bce: mean"), r.out());
        assertTrue(r.out().contains("log_likelihood_bce (k=5): mean"), r.out());
        assertTrue(r.err().contains("binary cross-entropy") && r.err().contains("not log-densities"), r.err());
        assertEquals("row,elbo_bce,log_likelihood_bce", Files.readAllLines(out).get(0));
    }

    @Test
    void aContinuousBernoulliImageModelReportsLogDensities() throws IOException {
        Path density = dir.resolve("density.vae");
        assertEquals(0, Cli.run("train", "--data", images.toString(), "--latent", "2", "--hidden", "8", "--epochs", "1",
                "--likelihood", "continuous_bernoulli", "--out", density.toString()).code());
        Cli.Result r = Cli.run("evaluate", "--model", density.toString(), "--data", images.toString(), "--k", "5");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("\nelbo: mean") && r.out().contains("\nlog_likelihood (k=5): mean"),
                r.out());
        assertTrue(!r.err().contains("binary cross-entropy"), r.err());
    }

    @Test
    void conditionalOnTheIdxLabels() throws IOException {
        Path cvae = dir.resolve("cbands.vae");
        Cli.Result t = Cli.run("train", "--data", images.toString(), "--conditional", "--latent", "2", "--hidden", "8",
                "--epochs", "1", "--out", cvae.toString());
        assertEquals(0, t.code(), t.all());
        Cli.Result g = Cli.run("generate", "--model", cvae.toString(), "-n", "4", "--class", "2", "--out",
                dir.resolve("c.csv").toString());
        assertEquals(0, g.code(), g.all());
        List<String> rows = Files.readAllLines(dir.resolve("c.csv"));
        assertTrue(rows.get(0).endsWith(",label"), rows.get(0));
        assertTrue(rows.subList(1, 5).stream().allMatch(row -> row.endsWith(",2")), rows.toString());
    }
}
