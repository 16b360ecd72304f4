package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.vae.Vae;

/**
 * A numeric class column on the command line, as in Weka's cpu data: the ARFF file declares it numeric, so
 * {@code train --class} models it as a column and {@code generate} writes a value for it in every row, within
 * the training range; {@code --conditional} refuses it by name.
 */
class NumericClassTest {

    @TempDir
    Path dir;

    /** The smallest and largest class value written by {@link #arff}. */
    private double yMin = Double.POSITIVE_INFINITY;
    private double yMax = Double.NEGATIVE_INFINITY;

    /** x uniform on [1, 9] with two decimals, a nominal vendor, and a numeric class y = 10 x + 5. */
    private Path arff(int rows) throws IOException {
        StringBuilder text = new StringBuilder("@relation machines\n@attribute vendor {acme, globex, initech}\n"
                + "@attribute x numeric\n@attribute y numeric\n@data\n");
        Random random = new Random(1);
        for (int i = 0; i < rows; i++) {
            String x = String.format(Locale.ROOT, "%.2f", 1 + 8 * random.nextDouble());
            String written = String.format(Locale.ROOT, "%.1f", 10 * Double.parseDouble(x) + 5);
            double y = Double.parseDouble(written);
            yMin = Math.min(yMin, y);
            yMax = Math.max(yMax, y);
            text.append(List.of("acme", "globex", "initech").get(i % 3)).append(',').append(x).append(',')
                    .append(written).append('\n');
        }
        Path file = dir.resolve("machines.arff");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aNumericClassIsModelledAndGeneratedWithinItsTrainingRange() throws IOException {
        Path data = arff(60);
        Path model = dir.resolve("machines.vae");
        Cli.Result trained = Cli.run("train", "--data", data.toString(), "--class", "y", "--latent", "2", "--hidden",
                "8", "--epochs", "2", "--out", model.toString(), "--plots", dir.resolve("plots").toString());
        assertEquals(0, trained.code(), trained.all());
        try (Vae vae = Vae.load(model)) {
            assertEquals(List.of("vendor", "x", "y"), vae.schema().features().stream().map(c -> c.name()).toList(),
                    "the numeric class is a modelled column");
        }
        Path out = dir.resolve("generated.csv");
        Cli.Result generated = Cli.run("generate", "--model", model.toString(), "-n", "100", "--out", out.toString());
        assertEquals(0, generated.code(), generated.all());
        List<String> lines = Files.readAllLines(out);
        assertEquals("vendor,x,y", lines.get(0));
        assertEquals(101, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double y = Double.parseDouble(cells[2]);
            assertTrue(y >= yMin && y <= yMax, "class value " + y + " outside the training range [" + yMin + ", "
                    + yMax + "]: " + line);
        }
    }

    @Test
    void aConditionalModelRefusesANumericClassByName() throws IOException {
        Cli.run("train", "--data", arff(30).toString(), "--class", "y", "--conditional", "--epochs", "1", "--out",
                dir.resolve("refused.vae").toString()).assertUserError("--conditional", "'y'", "numeric");
    }
}
