package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** np-train and np-predict end to end on a small 1-D CSV, and their errors for bad targets and model files. */
class NeuralProcessCommandsTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path model;
    static Cli.Result trained;

    /** y = sin(x) + noise for x in [-3, 3], with a text column and one row whose y is missing. */
    static Path waves(Path dir, String name, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x,y,kind\n");
        for (int i = 0; i < rows; i++) {
            double x = random.nextDouble() * 6 - 3;
            String y = i == 3 ? "" : String.format(Locale.ROOT, "%.5f", Math.sin(x) + 0.05 * random.nextGaussian());
            csv.append(String.format(Locale.ROOT, "%.5f", x)).append(',').append(y).append(',')
                    .append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static String[] small(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--model", "cnp", "--representation", "16", "--hidden",
                "16,16", "--steps", "80", "--batch", "4", "--lr", "0.01", "--max-context", "40", "--max-targets", "40",
                "--device", "cpu"));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @BeforeAll
    static void train() throws IOException {
        data = waves(dir, "waves.csv", 80, 1);
        model = dir.resolve("waves.np");
        List<String> args = new java.util.ArrayList<>(List.of("np-train", "--data", data.toString(), "--target", "y",
                "--ignore", "kind", "--out", model.toString(), "--png", dir.resolve("train.png").toString()));
        args.addAll(List.of(small()));
        trained = Cli.run(args.toArray(new String[0]));
    }

    @Test
    void npTrainSavesTheModelAndDrawsTheBand() throws IOException {
        assertEquals(0, trained.code(), trained.all());
        assertTrue(trained.out().contains("model: " + model), trained.all());
        assertTrue(trained.err().contains("1 rows with a missing 'y' are left out"), trained.all());
        assertTrue(trained.err().contains("79 rows, 1 input columns"), trained.all());
        NeuralProcessModelFile saved = NeuralProcessModelFile.read(model);
        assertEquals("y", saved.target());
        assertEquals(List.of("x"), saved.features().features().stream().map(c -> c.name()).toList());
        BufferedImage image = ImageIO.read(dir.resolve("train.png").toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300);
    }

    @Test
    void npPredictWritesMeansAndDeviationsAndScoresKnownTargets() throws IOException {
        Path test = waves(dir, "test.csv", 30, 2);
        Path out = dir.resolve("predictions.csv");
        Cli.Result predicted = Cli.run("np-predict", "--model", model.toString(), "--data", test.toString(), "--out",
                out.toString(), "--png", dir.resolve("test.png").toString());
        assertEquals(0, predicted.code(), predicted.all());
        List<String> lines = Files.readAllLines(out);
        assertEquals("y_mean,y_sd", lines.get(0));
        assertEquals(31, lines.size(), "a line per row");
        List<String> x = Files.readAllLines(test).subList(1, 31);
        double squared = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",");
            double sd = Double.parseDouble(fields[1]);
            assertTrue(sd > 0 && Double.isFinite(sd), lines.get(i));
            double error = Double.parseDouble(fields[0]) - Math.sin(Double.parseDouble(x.get(i - 1).split(",")[0]));
            squared += error * error;
        }
        // sin(x) has a mean square of about 0.5 on [-3, 3]: a model that learned nothing errs about that much.
        assertTrue(squared / 30 < 0.25, "mean squared error " + squared / 30);
        assertTrue(predicted.out().contains("'y' known in 29 rows: RMSE"), predicted.all());
        assertNotNull(ImageIO.read(dir.resolve("test.png").toFile()));
    }

    @Test
    void npPredictNeedsNoTargetColumn() throws IOException {
        Path inputs = Files.writeString(dir.resolve("inputs.csv"), "x\n0.5\n-1\n");
        Path out = dir.resolve("inputs-predicted.csv");
        Cli.Result predicted = Cli.run("np-predict", "--model", model.toString(), "--data", inputs.toString(), "--out",
                out.toString());
        assertEquals(0, predicted.code(), predicted.all());
        assertEquals(3, Files.readAllLines(out).size());
        assertFalse(predicted.out().contains("RMSE"), predicted.all());
    }

    @Test
    void aMissingTargetColumnIsNamed() {
        Cli.run(List.of("np-train", "--data", data.toString(), "--target", "z", "--out",
                dir.resolve("z.np").toString()).toArray(new String[0]))
                .assertUserError("--target 'z' is not a column of", "columns: x, y, kind");
    }

    @Test
    void aNonNumericTargetIsRefused() {
        Cli.run("np-train", "--data", data.toString(), "--target", "kind", "--out", dir.resolve("k.np").toString())
                .assertUserError("--target 'kind'", "not numeric");
    }

    @Test
    void anInvalidOptionIsNamedByItsFlag() {
        Cli.run("np-train", "--data", data.toString(), "--target", "y", "--out", dir.resolve("s.np").toString(),
                "--steps", "0").assertUserError("--steps");
    }

    @Test
    void aPictureNeedsOneNumericInput() {
        Cli.run("np-train", "--data", data.toString(), "--target", "y", "--out", dir.resolve("p.np").toString(),
                "--png", dir.resolve("p.png").toString()).assertUserError("--png", "2 input columns");
        assertFalse(Files.exists(dir.resolve("p.np")), "nothing trained or saved");
    }

    @Test
    void aTargetCellThatIsNotANumberIsNamedWhenPredicting() throws IOException {
        Path test = Files.writeString(dir.resolve("text-target.csv"), "x,y\n0.5,1\n-1,high\n");
        Cli.run("np-predict", "--model", model.toString(), "--data", test.toString())
                .assertUserError("text-target.csv", "'y'", "high");
    }

    @Test
    void aFileThatIsNotAModelIsNamed() throws IOException {
        Path bogus = Files.writeString(dir.resolve("bogus.np"), "not a zip");
        Cli.run("np-predict", "--model", bogus.toString(), "--data", data.toString())
                .assertUserError(bogus.toString(), "not a neural-process model");
    }
}
