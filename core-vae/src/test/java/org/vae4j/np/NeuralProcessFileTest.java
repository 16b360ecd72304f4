package org.vae4j.np;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.io.ModelFileTampering;
import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * A neural-process model file is untrusted input: a file whose checksum is valid but whose contents do not fit
 * together fails with a message saying what, before any engine memory is allocated; a VAE file is not read as a
 * neural process, nor the other way round.
 */
class NeuralProcessFileTest {

    private static byte[] file;

    @BeforeAll
    static void train() {
        double[][] x = new double[12][1];
        double[][] y = new double[12][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = i;
            y[i][0] = Math.sin(i);
        }
        try (NeuralProcessRegressor np = NeuralProcessRegressor.fit(x, y, NeuralProcessOptions.of(Map.of("model",
                "np", "representationDim", 4, "latentDim", 2, "hidden", List.of(4), "steps", 2, "maxContext", 8,
                "device", "cpu")))) {
            file = np.toBytes();
        }
    }

    @AfterAll
    static void forget() {
        file = null;
    }

    private static String refused(byte[] bytes) {
        return assertThrows(ModelFormatException.class, () -> NeuralProcessRegressor.fromBytes(bytes)).getMessage();
    }

    private static byte[] config(Consumer<Map<String, String>> change) {
        return ModelFileTampering.resign(ModelFileTampering.withConfig(file, change));
    }

    @Test
    void inconsistentContentsAreRefusedWithTheReason() {
        String widened = refused(config(c -> c.put("hidden", "5")));
        assertTrue(widened.contains("deterministic.layer0.weight has shape (4, 2), expected (5, 2)"), widened);
        String kind = refused(config(c -> c.put("model", "cnp")));
        assertTrue(kind.contains("manifest"), kind);
        String option = refused(config(c -> c.put("steps", "-3")));
        assertTrue(option.contains("option steps"), option);
        String dims = refused(config(c -> c.put("inputDim", "2000000000")));
        assertTrue(dims.contains("inputDim"), dims);
        String context = refused(config(c -> c.put("maxContext", "3")));
        assertTrue(context.contains("maxContext = 3"), context);
        String scale = refused(ModelFileTampering.resign(ModelFileTampering.withParameter(file, "context.x",
                t -> new NamedTensor(t.name(), new long[] {t.shape()[0] / 2, 2}, t.values()))));
        assertTrue(scale.contains("context tensors"), scale);
    }

    @Test
    void aVaeFileIsNotANeuralProcessAndANeuralProcessFileIsNotAVae() {
        Table.Builder rows = Table.builder(Schema.of(List.of(Column.numeric("a"))));
        for (int i = 0; i < 8; i++) {
            rows.addRow(new double[] {i});
        }
        byte[] vaeFile;
        try (Vae vae = new VaeTrainer(VaeConfig.builder().latentDim(1).hidden(List.of(2)).epochs(1).build())
                .fit(rows.build())) {
            vaeFile = vae.toBytes();
        }
        String np = refused(vaeFile);
        assertTrue(np.contains("does not hold a neural process"), np);
        IllegalArgumentException vae = assertThrows(IllegalArgumentException.class, () -> Vae.fromBytes(file));
        assertTrue(vae.getMessage().contains("configuration"), vae.getMessage());
    }
}
