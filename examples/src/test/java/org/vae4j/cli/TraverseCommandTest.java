package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.cli.plot.TraversalPlot;
import org.vae4j.vae.Vae;

/**
 * {@code vae4j traverse}: one picture row per latent dimension, images as tiles and tabular rows as charts,
 * and clear errors for rows and files that do not exist.
 */
class TraverseCommandTest {

    @TempDir
    static Path dir;

    static Fixtures.Trained points;
    static Path images;
    static Path imageModel;

    @BeforeAll
    static void train() throws IOException {
        points = Fixtures.trained(dir);
        images = Fixtures.idx(dir, "train", 30, 8);
        imageModel = dir.resolve("bands.vae");
        Cli.Result r = Cli.run("train", "--data", images.toString(), "--latent", "3", "--hidden", "8", "--epochs", "1",
                "--out", imageModel.toString());
        assertEquals(0, r.code(), r.all());
    }

    private static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is a PNG");
        return image;
    }

    @Test
    void imageRowsAreDrawnAsOneRowOfTilesPerLatentDimension() throws IOException {
        Path grid = dir.resolve("images.png");
        Cli.Result r = Cli.run("traverse", "--model", imageModel.toString(), "--data", images.toString(), "--row", "4",
                "--steps", "5", "--range=-2,2", "--png", grid.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("3 latent dimensions x 5 steps"), r.out());
        BufferedImage image = png(grid);
        int tile = 8 * 7 + 2;
        assertEquals(3 * tile + 2, image.getHeight(), "three rows of 8x8 tiles drawn 7x with 2-pixel gaps");
        assertEquals(TraversalPlot.LABEL_WIDTH + 5 * tile + 2, image.getWidth(), "five steps");
    }

    @Test
    void tabularRowsAreDrawnAsAChartPerColumnAndDimension() throws IOException {
        int columns;
        try (Vae vae = Vae.load(points.model())) {
            columns = vae.schema().width();
        }
        Path grid = dir.resolve("points.png");
        Cli.Result r = Cli.run("traverse", "--model", points.model().toString(), "--data", points.data().toString(),
                "--png", grid.toString());
        assertEquals(0, r.code(), r.all());
        BufferedImage image = png(grid);
        assertEquals(TraversalPlot.HEADER_HEIGHT + 2 * (TraversalPlot.CHART_HEIGHT + 2) + 2, image.getHeight(),
                "two latent dimensions");
        assertEquals(TraversalPlot.LABEL_WIDTH + columns * (TraversalPlot.CHART_WIDTH + 2) + 2, image.getWidth());
    }

    @Test
    void withoutDataTheCodeZeroIsTraversed() throws IOException {
        Path fromZero = dir.resolve("zero.png");
        Path fromRow = dir.resolve("row.png");
        assertEquals(0, Cli.run("traverse", "--model", imageModel.toString(), "--png", fromZero.toString()).code());
        assertEquals(0, Cli.run("traverse", "--model", imageModel.toString(), "--data", images.toString(), "--png",
                fromRow.toString()).code());
        BufferedImage zero = png(fromZero);
        BufferedImage row = png(fromRow);
        assertEquals(zero.getWidth(), row.getWidth());
        assertNotEquals(Files.mismatch(fromZero, fromRow), -1L, "the code 0 and row 1 draw different pictures");
    }

    @Test
    void refusesRowsThatDoNotExistAndMissingFiles() {
        Path grid = dir.resolve("refused.png");
        String model = points.model().toString();
        String data = points.data().toString();
        Cli.run("traverse", "--model", model, "--data", data, "--row", "31", "--png", grid.toString())
                .assertUserError("--row 31", "points.csv has 30 rows");
        Cli.run("traverse", "--model", model, "--data", data, "--row", "0", "--png", grid.toString())
                .assertUserError("--row 0");
        Cli.run("traverse", "--model", model, "--data", dir.resolve("absent.csv").toString(), "--png",
                grid.toString()).assertUserError("absent.csv");
        Cli.run("traverse", "--model", model, "--row", "2", "--png", grid.toString()).assertUserError("--data");
        Cli.run("traverse", "--model", model, "--steps", "1", "--png", grid.toString()).assertUserError("--steps 1",
                "at least 2 steps");
        Cli.run("traverse", "--model", model, "--range", "3,-3", "--png", grid.toString()).assertUserError("--range");
        Cli.run("traverse", "--model", model, "--class", "A", "--png", grid.toString())
                .assertUserError("--class needs a conditional model");
        assertFalse(Files.exists(grid), "nothing written on refusal");
    }
}
