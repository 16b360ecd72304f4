package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.nn.HiddenLayer;
import org.vae4j.nn.WeightInit;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * The density-estimation options of {@link VaeConfig} (gated layers, He-normal initialisation, the
 * log-variance clamp, the continuous Bernoulli): their map form, what older model files mean, and a model
 * built with all of them that saves, loads and scores exactly as before.
 */
class DensityOptionsTest {

    private static Table greyImages(int rows, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[rows * 12];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256) / 255f;
        }
        return Table.ofNumeric(Schema.numeric("pixel", 12), pixels, null);
    }

    private static VaeConfig densityConfig(NumericLikelihood likelihood) {
        return VaeConfig.builder().latentDim(3).hidden(List.of(8, 6)).hiddenLayer(HiddenLayer.GATED)
                .weightInit(WeightInit.HE_NORMAL).clampLogVariance(true).numericLikelihood(likelihood)
                .standardize(false).epochs(2).batchSize(16).seed(4).build();
    }

    @Test
    void newOptionsRoundTripThroughTheMapForm() {
        VaeConfig config = densityConfig(NumericLikelihood.CONTINUOUS_BERNOULLI);
        Map<String, String> map = config.toMap();
        assertEquals("gated", map.get("hiddenLayer"));
        assertEquals("he_normal", map.get("weightInit"));
        assertEquals("true", map.get("clampLogVariance"));
        assertEquals("continuous_bernoulli", map.get("numericLikelihood"));
        assertEquals(config, VaeConfig.fromCompleteMap(map));
        VaeConfig binarized = VaeConfig.fromMap(Map.of("numericLikelihood", "bernoulli", "dynamicBinarization",
                "true", "hiddenLayer", "gated")).build();
        assertTrue(binarized.dynamicBinarization());
        assertEquals(HiddenLayer.GATED, binarized.hiddenLayer());
    }

    @Test
    void aStoredConfigurationWrittenBeforeTheseOptionsMeansTheirDefaults() {
        Map<String, String> old = new LinkedHashMap<>(VaeConfig.builder().build().toMap());
        for (String added : List.of("hiddenLayer", "weightInit", "clampLogVariance", "dynamicBinarization")) {
            old.remove(added);
        }
        VaeConfig config = VaeConfig.fromCompleteMap(old);
        assertEquals(HiddenLayer.RELU, config.hiddenLayer());
        assertEquals(WeightInit.TORCH_UNIFORM, config.weightInit());
        assertFalse(config.clampLogVariance());
        assertFalse(config.dynamicBinarization());
        // an option that older files did store is still required
        old.remove("latentDim");
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> VaeConfig.fromCompleteMap(old));
        assertEquals("latentDim", e.option());
    }

    @Test
    void dynamicBinarizationNeedsTheBernoulliLikelihood() {
        for (NumericLikelihood likelihood : List.of(NumericLikelihood.GAUSSIAN, NumericLikelihood.CONTINUOUS_BERNOULLI)) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> VaeConfig.builder()
                    .numericLikelihood(likelihood).dynamicBinarization(true).build());
            assertEquals("dynamicBinarization", e.option());
        }
        InvalidOptionException bad = assertThrows(InvalidOptionException.class,
                () -> VaeConfig.fromMap(Map.of("hiddenLayer", "maxout")));
        assertEquals("hiddenLayer", bad.option());
    }

    @Test
    void onlyTheBernoulliLikelihoodOfGreyLevelsIsNotADensity() {
        Table grey = greyImages(40, 2);
        VaeConfig.Builder small = VaeConfig.builder().latentDim(2).hidden(List.of(4)).epochs(1).standardize(false);
        try (Vae bernoulli = new VaeTrainer(small.numericLikelihood(NumericLikelihood.BERNOULLI).build()).fit(grey);
                Vae continuous = new VaeTrainer(small.numericLikelihood(NumericLikelihood.CONTINUOUS_BERNOULLI).build())
                        .fit(grey);
                Vae gaussian = new VaeTrainer(small.numericLikelihood(NumericLikelihood.GAUSSIAN).build()).fit(grey)) {
            assertFalse(bernoulli.likelihoodIsDensity());
            assertTrue(continuous.likelihoodIsDensity());
            assertTrue(gaussian.likelihoodIsDensity());
        }
    }

    @Test
    void gatedClampedContinuousBernoulliModelSavesAndLoadsExactly() {
        Table table = greyImages(80, 1);
        try (Vae vae = new VaeTrainer(densityConfig(NumericLikelihood.CONTINUOUS_BERNOULLI)).fit(table);
                Vae loaded = Vae.fromBytes(vae.toBytes())) {
            Map<String, ?> named = new VaeNetworks(vae.guide(), vae.model()).named();
            assertTrue(named.containsKey("encoder.layer0.value.weight"), named.keySet().toString());
            assertTrue(named.containsKey("decoder.layer1.gate.bias"), named.keySet().toString());
            assertTrue(named.containsKey("encoder.layer2.weight"), named.keySet().toString());
            assertEquals(vae.config(), loaded.config());
            assertEquals(vae.parameterCount(), loaded.parameterCount());
            double[][] a = vae.encode(table).meansThenStds();
            double[][] b = loaded.encode(table).meansThenStds();
            for (int r = 0; r < a.length; r++) {
                assertArrayEquals(a[r], b[r], 0, "row " + r);
                for (int j = 3; j < 6; j++) {
                    double logVariance = 2 * Math.log(a[r][j]);
                    assertTrue(logVariance >= -6 - 1e-5 && logVariance <= 2 + 1e-5, "clamped log-variance");
                }
            }
            assertArrayEquals(vae.logLikelihood(table, 20, 3), loaded.logLikelihood(table, 20, 3), 0);
            // a density on [0, 1]: reconstructions are continuous Bernoulli means, strictly inside (0, 1)
            Table reconstructed = vae.reconstruct(table);
            for (int c = 0; c < reconstructed.width(); c++) {
                float v = reconstructed.value(0, c);
                assertTrue(v > 0 && v < 1, "reconstruction " + v);
            }
        }
    }
}
