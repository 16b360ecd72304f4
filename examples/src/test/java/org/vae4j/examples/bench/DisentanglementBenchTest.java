package org.vae4j.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.vae.Vae;

/** The disentanglement benchmark end to end on a few sprites, and its run syntax. */
class DisentanglementBenchTest {

    private static final Pattern RUN = Pattern.compile("RUN (\\d) objective=elbo beta=([0-9.]+) mig=([0-9.]+) "
            + "mig_factors=([0-9./]+) factorvae_metric=([0-9.]+) recon_ll=(-[0-9.]+) elbo=(-[0-9.]+) "
            + "train_seconds=[0-9.]+ eval_seconds=[0-9.]+ model=(\\S+)");

    @TempDir
    Path dir;

    private static String printedBy(String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            DisentanglementBench.main(args);
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerRunAndSavesEachModel() throws Exception {
        String printed = printedBy("--images", "150", "--epochs", "1", "--hidden", "16", "--latent", "3", "--votes",
                "20", "--vote-batch", "8", "--runs", "elbo; elbo beta=4", "--out", dir.toString());
        assertTrue(printed.startsWith("peer=vae4j-disentanglement "), printed);
        assertTrue(printed.contains(" images=150 seed=42 latent=3 hidden=16 epochs=1 "), printed);
        assertTrue(printed.contains("\nEPOCH 1 1 train_loss=") && printed.contains("\nEPOCH 2 1 train_loss="), printed);
        Matcher m = RUN.matcher(printed);
        for (int run = 1; run <= 2; run++) {
            assertTrue(m.find(), printed);
            assertEquals(run, Integer.parseInt(m.group(1)));
            assertEquals(run == 1 ? 1.0 : 4.0, Double.parseDouble(m.group(2)));
            double mig = Double.parseDouble(m.group(3));
            assertTrue(mig >= 0 && mig <= 1, printed);
            assertEquals(5, m.group(4).split("/").length, "one gap per dSprites factor: " + printed);
            double accuracy = Double.parseDouble(m.group(5));
            assertTrue(accuracy >= 0 && accuracy <= 1, printed);
            double reconstruction = Double.parseDouble(m.group(6));
            assertTrue(reconstruction < 0 && reconstruction > -4096 * Math.log(1e6), printed);
            assertTrue(Double.parseDouble(m.group(7)) <= reconstruction + 200, "the ELBO is below log p(x|z) "
                    + "up to one z's noise: " + printed);
            Path model = Path.of(m.group(8));
            assertEquals(dir.resolve("run" + run + ".vae"), model);
            try (Vae vae = Vae.load(model)) {
                assertEquals(3, vae.latentDim());
                assertEquals(run == 1 ? 1.0 : 4.0, vae.config().beta());
            }
        }
    }

    @Test
    void aFactorvaeRunPrintsItsDiscriminatorsFiguresEachEpoch() throws Exception {
        String printed = printedBy("--images", "150", "--epochs", "2", "--hidden", "16", "--latent", "3", "--votes",
                "20", "--vote-batch", "8", "--runs", "factorvae:width=8,depth=1");
        Matcher m = Pattern.compile("EPOCH 1 (\\d) train_loss=\\S+ seconds=\\S+ tc_estimate=(\\S+) "
                + "discriminator_loss=(\\S+)").matcher(printed);
        for (int epoch = 1; epoch <= 2; epoch++) {
            assertTrue(m.find(), printed);
            assertEquals(epoch, Integer.parseInt(m.group(1)));
            assertTrue(Double.isFinite(Double.parseDouble(m.group(2))), printed);
            assertTrue(Double.parseDouble(m.group(3)) > 0, printed);
        }
    }

    @Test
    void aSavedModelEvaluatedAgainScoresAsWhenItWasTrained() throws Exception {
        String[] common = {"--images", "150", "--epochs", "1", "--hidden", "16", "--latent", "3", "--votes", "20",
            "--vote-batch", "8"};
        String trained = printedBy(concat(common, "--runs", "elbo beta=4", "--out", dir.toString()));
        String evaluated = printedBy(concat(common, "--models", dir.resolve("run1.vae").toString()));
        Matcher first = RUN.matcher(trained);
        Matcher again = RUN.matcher(evaluated);
        assertTrue(first.find(), trained);
        assertTrue(again.find(), evaluated);
        for (int group = 2; group <= 7; group++) {
            assertEquals(first.group(group), again.group(group), "group " + group + ": " + trained + evaluated);
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void runsAreSpecsWithAnOptionalBeta() {
        assertEquals(List.of(new DisentanglementRun("elbo", 1), new DisentanglementRun("tcvae:beta=6,alpha=1", 1),
                new DisentanglementRun("elbo", 4)),
                DisentanglementRun.parseAll("--runs", " elbo ;tcvae:beta=6,alpha=1;  elbo   beta=4 "));
        IllegalArgumentException noBeta = assertThrows(IllegalArgumentException.class,
                () -> DisentanglementRun.parseAll("--runs", "elbo; elbo gamma=3"));
        assertTrue(noBeta.getMessage().startsWith("option --runs, run 2 ('elbo gamma=3')"), noBeta.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DisentanglementRun.parseAll("--runs", "elbo;"));
        assertThrows(IllegalArgumentException.class, () -> DisentanglementRun.parseAll("--runs", "elbo beta=-1"));
    }
}
