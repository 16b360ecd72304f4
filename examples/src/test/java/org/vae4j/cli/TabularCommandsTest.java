package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.vae.Vae;

import weka.core.Instances;
import weka.core.converters.ConverterUtils;

/** train, info, encode, generate, evaluate and reconstruct end to end on a small CSV. */
class TabularCommandsTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path model;
    static Cli.Result trained;

    @BeforeAll
    static void train() throws IOException {
        data = Fixtures.csv(dir, "points.csv", 60);
        model = dir.resolve("points.vae");
        trained = Cli.run("train", "--data", data.toString(), "--class", "class", "--latent", "2", "--hidden", "16",
                "--epochs", "2", "--batch", "16", "--out", model.toString(), "--report", dir.resolve("report.json").toString(),
                "--plots", dir.resolve("plots").toString());
    }

    @Test
    void trainSavesModelReportAndPlots() throws IOException {
        assertEquals(0, trained.code(), trained.all());
        assertTrue(trained.err().contains("epoch 2/2 train_loss="), "plain progress lines off a terminal: " + trained.all());
        try (Vae vae = Vae.load(model)) {
            assertEquals(2, vae.latentDim());
            assertEquals(List.of("x1", "x2", "colour", "flag"), vae.schema().features().stream().map(c -> c.name()).toList(),
                    "the class column is not modelled");
            assertEquals(2, vae.history().epochs().size());
        }
        String report = Files.readString(dir.resolve("report.json"));
        assertTrue(report.contains("\"epochs\": 2"), report);
        assertTrue(report.contains("\"rows\": 60"), report);
        assertTrue(number(report, "train_elbo") < 0, report);
        for (String png : List.of("loss.png", "latent-map.png")) {
            BufferedImage image = ImageIO.read(dir.resolve("plots").resolve(png).toFile());
            assertNotNull(image, png);
            assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, png);
        }
        assertFalse(Files.exists(dir.resolve("plots/samples.png")), "no image grids for non-image data");
    }

    @Test
    void factorvaeTrainingResumesFromItsCheckpointAndAModelIsNoCheckpoint() throws IOException {
        Path checkpoint = dir.resolve("factorvae.ckpt");
        String[] common = {"train", "--data", data.toString(), "--class", "class", "--latent", "2", "--hidden", "8",
            "--batch", "30", "--objective", "factorvae:width=8,depth=1"};
        Cli.Result first = Cli.run(concat(common, "--epochs", "1", "--out", dir.resolve("f1.vae").toString(),
                "--checkpoint", checkpoint.toString()));
        assertEquals(0, first.code(), first.all());
        Cli.Result resumed = Cli.run(concat(common, "--epochs", "2", "--out", dir.resolve("f2.vae").toString(),
                "--resume", checkpoint.toString(), "--checkpoint", checkpoint.toString()));
        assertEquals(0, resumed.code(), resumed.all());
        assertTrue(resumed.err().contains("epoch 2/2") && !resumed.err().contains("epoch 1/2"), resumed.all());
        try (Vae vae = Vae.load(dir.resolve("f2.vae"))) {
            assertEquals(2, vae.history().epochs().size());
        }
        Cli.run(concat(common, "--epochs", "3", "--out", dir.resolve("f3.vae").toString(),
                "--resume", dir.resolve("f2.vae").toString())).assertUserError("f2.vae", "saved for inference");
        Cli.run(concat(common, "--epochs", "3", "--seed", "5", "--out", dir.resolve("f3.vae").toString(),
                "--resume", checkpoint.toString())).assertUserError("--seed", "factorvae.ckpt");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void infoDescribesTheModel() {
        Cli.Result info = Cli.run("info", "--model", model.toString());
        assertEquals(0, info.code(), info.all());
        assertTrue(info.out().contains("latent dimensions: 2"), info.out());
        assertTrue(info.out().contains("columns: 4 (1 binary, 1 categorical, 2 numeric)"), info.out());
        assertTrue(info.out().contains("training: 2 epochs"), info.out());
        assertTrue(info.out().contains("guide: gaussian (version 1)") && info.out().contains("prior: normal (version 1)")
                && info.out().contains("objective: elbo (version 1)"), info.out());
    }

    @Test
    void aFlowGuideAndALearnedPriorTrainFromTheCommandLineAndLoadBack() {
        Path flowModel = dir.resolve("flow.vae");
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--latent", "2", "--hidden", "8", "--epochs", "2",
                "--guide", "iaf:flows=2,hidden=8,context=4", "--prior", "vamp:K=4,std=0.5", "--objective",
                "renyi:alpha=0.5,k=2", "--out", flowModel.toString());
        assertEquals(0, r.code(), r.all());
        Cli.Result info = Cli.run("info", "--model", flowModel.toString());
        assertEquals(0, info.code(), info.all());
        assertTrue(info.out().contains("guide: iaf:context=4,flows=2,hidden=8")
                || info.out().contains("guide: iaf:"), info.out());
        assertTrue(info.out().contains("prior: vamp:") && info.out().contains("objective: renyi:"), info.out());
    }

    @Test
    void theUnbiasedObjectiveReportsItsMeetingTimesInTheProgressTheReportAndTheModel() throws IOException {
        Path report = dir.resolve("unbiased-report.json");
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--latent", "2", "--hidden", "8", "--epochs", "2",
                "--objective", "unbiased:particles=4,k=1,m=2", "--out", dir.resolve("unbiased.vae").toString(),
                "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.err().contains("epoch 2/2") && r.err().contains("meeting_time_mean=")
                && r.err().contains("capped_fraction="), r.all());
        String json = Files.readString(report);
        assertTrue(json.contains("\"procedure_statistics\"") && json.contains("\"meeting_time_max\""), json);
        assertTrue(number(json, "meeting_time_mean") >= 2, json);
        Cli.Result info = Cli.run("info", "--model", dir.resolve("unbiased.vae").toString());
        assertTrue(info.out().contains("  meeting_time_mean ") && info.out().contains("  capped_fraction "),
                info.all());
    }

    @Test
    void encodeWritesMeansStdsAndClass() throws IOException {
        Path out = dir.resolve("latents.csv");
        Cli.Result r = Cli.run("encode", "--model", model.toString(), "--data", data.toString(), "--out", out.toString(),
                "--with-std", "--class", "class");
        assertEquals(0, r.code(), r.all());
        List<String> lines = Files.readAllLines(out);
        assertEquals("z0,z1,z0_std,z1_std,class", lines.get(0));
        assertEquals(61, lines.size());
        String[] first = lines.get(1).split(",");
        assertTrue(Double.parseDouble(first[2]) > 0 && Double.parseDouble(first[3]) > 0, lines.get(1));
        assertEquals("A", first[4]);
        assertEquals("B", lines.get(2).split(",")[4]);
    }

    @Test
    void generateWritesArffThatWekaReads() throws Exception {
        Path out = dir.resolve("samples.arff");
        Cli.Result r = Cli.run("generate", "--model", model.toString(), "-n", "7", "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        Instances generated = ConverterUtils.DataSource.read(out.toString());
        assertEquals(7, generated.numInstances());
        assertEquals(4, generated.numAttributes());
        assertTrue(generated.attribute("colour").isNominal());
        assertEquals(3, generated.attribute("colour").numValues());
    }

    @Test
    void evaluateGivesPerRowAndTotals() throws IOException {
        Path out = dir.resolve("scores.csv");
        Cli.Result r = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--k", "20",
                "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("rows: 60"), r.out());
        double elbo = number(r.out(), "elbo: mean");
        double logLikelihood = number(r.out(), "log_likelihood \\(k=20\\): mean");
        assertTrue(Double.isFinite(elbo) && Double.isFinite(logLikelihood), r.out());
        assertTrue(logLikelihood > elbo - 0.5, "the k = 20 bound is (on average) tighter than the ELBO: " + r.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals("row,elbo,log_likelihood", rows.get(0));
        assertEquals(61, rows.size());
    }

    @Test
    void reconstructFillsMissingCells() throws IOException {
        Path gappy = dir.resolve("gappy.csv");
        List<String> lines = Files.readAllLines(data).subList(0, 6);
        lines.set(3, lines.get(3).replaceFirst("^[^,]*,", ","));
        Files.write(gappy, lines);
        Path out = dir.resolve("rebuilt.csv");
        Cli.Result r = Cli.run("reconstruct", "--model", model.toString(), "--data", gappy.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        List<String> rebuilt = Files.readAllLines(out);
        assertEquals("x1,x2,colour,flag", rebuilt.get(0));
        assertEquals(6, rebuilt.size());
        assertFalse(rebuilt.get(3).startsWith(","), "the missing x1 is filled in: " + rebuilt.get(3));
        Double.parseDouble(rebuilt.get(3).split(",")[0]);
    }

    @Test
    void conditionalModelGeneratesTheAskedClass() throws IOException {
        Path cvae = dir.resolve("cvae.vae");
        Cli.Result t = Cli.run("train", "--data", data.toString(), "--class", "class", "--conditional", "--latent", "2",
                "--hidden", "8", "--epochs", "1", "--out", cvae.toString());
        assertEquals(0, t.code(), t.all());
        Path out = dir.resolve("only-b.csv");
        Cli.Result g = Cli.run("generate", "--model", cvae.toString(), "-n", "5", "--class", "B", "--out", out.toString());
        assertEquals(0, g.code(), g.all());
        List<String> rows = Files.readAllLines(out);
        assertEquals("x1,x2,colour,flag,class", rows.get(0));
        assertEquals(6, rows.size());
        assertTrue(rows.subList(1, 6).stream().allMatch(row -> row.endsWith(",B")), rows.toString());
    }

    /** The number after {@code key} (as in {@code "key": -1.5} or {@code key -1.5}). */
    static double number(String text, String key) {
        Matcher m = Pattern.compile("\"?" + key + "\"?:?\\s+(-?[0-9.Ee+-]+)").matcher(text);
        assertTrue(m.find(), key + " in " + text);
        return Double.parseDouble(m.group(1));
    }
}
