package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.engine.Engines;
import org.vae4j.infer.Batch;
import org.vae4j.preprocess.Binarization;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * Dynamic binarization: a training batch's draws depend only on the seed, average to the grey levels, leave
 * other columns alone; evaluation rows are binarized once, the same way for the same seed; training with it is
 * reproducible.
 */
class DynamicBinarizationTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Grey levels p1 (0.4) and p2 (0.6), binary column b, categorical column c (one-hot, after them). */
    private static EncodedLayout mixedLayout() {
        Schema schema = Schema.of(List.of(Column.numeric("p1"), Column.numeric("p2"), Column.binary("b"),
                Column.categorical("c", List.of("x", "y"))));
        return new EncodedLayout(schema, NumericLikelihood.BERNOULLI);
    }

    private float[] drawn(DynamicBinarization binarization, float[] x, int rows, int width) {
        Batch batch = new Batch(manager.create(x, new Shape(rows, width)), null, null);
        return binarization.draw(batch).x().toFloatArray();
    }

    @Test
    void drawsDependOnlyOnTheSeedAndAverageToThePixel() {
        EncodedLayout layout = new EncodedLayout(Schema.numeric("pixel", 3), NumericLikelihood.BERNOULLI);
        int rows = 4000;
        float[] x = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            x[r * 3] = 0.1f;
            x[r * 3 + 1] = 0.5f;
            x[r * 3 + 2] = 0.9f;
        }
        float[] first = drawn(new DynamicBinarization(layout, 17), x, rows, 3);
        float[] again = drawn(new DynamicBinarization(layout, 17), x, rows, 3);
        assertArrayEquals(first, again, 0);
        assertFalse(Arrays.equals(first, drawn(new DynamicBinarization(layout, 18), x, rows, 3)));
        DynamicBinarization steps = new DynamicBinarization(layout, 17);
        float[] step1 = drawn(steps, x, rows, 3);
        assertFalse(Arrays.equals(step1, drawn(steps, x, rows, 3)), "each step draws afresh");
        double[] expected = {0.1, 0.5, 0.9};
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                float v = first[r * 3 + c];
                assertTrue(v == 0f || v == 1f, "binary draw, got " + v);
                sum += v;
            }
            // four standard errors of a mean of 4000 draws
            double tolerance = 4 * Math.sqrt(expected[c] * (1 - expected[c]) / rows);
            assertEquals(expected[c], sum / rows, tolerance, "mean of column " + c);
        }
    }

    @Test
    void onlyBernoulliColumnsAreDrawnAndBinaryValuesStay() {
        EncodedLayout layout = mixedLayout();
        int width = layout.width();
        int rows = 50;
        float[] x = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            x[r * width + layout.slot(0).offset()] = 0.4f;
            x[r * width + layout.slot(1).offset()] = 0.6f;
            x[r * width + layout.slot(2).offset()] = r % 2;
            x[r * width + layout.slot(3).offset() + r % 2] = 1f;
        }
        float[] out = drawn(new DynamicBinarization(layout, 3), x, rows, width);
        for (int r = 0; r < rows; r++) {
            assertEquals(r % 2, out[r * width + layout.slot(2).offset()], "binary column unchanged");
            for (int level = 0; level < 2; level++) {
                assertEquals(level == r % 2 ? 1f : 0f, out[r * width + layout.slot(3).offset() + level],
                        "one-hot categorical column untouched");
            }
            for (int c = 0; c < 2; c++) {
                float p = out[r * width + layout.slot(c).offset()];
                assertTrue(p == 0f || p == 1f, "grey level binarized, got " + p);
            }
        }
    }

    @Test
    void evaluationRowsAreBinarizedOnceTheSameWayForTheSameSeed() {
        Random random = new Random(2);
        float[] pixels = new float[300 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        Table grey = Table.ofNumeric(Schema.numeric("pixel", 5), pixels, null);
        Table a = Binarization.once(grey, 99);
        Table b = Binarization.once(grey, 99);
        Table other = Binarization.once(grey, 100);
        boolean differs = false;
        for (int r = 0; r < grey.rows(); r++) {
            assertArrayEquals(a.row(r), b.row(r), 0);
            differs |= !Arrays.equals(a.row(r), other.row(r));
            for (double v : a.row(r)) {
                assertTrue(v == 0 || v == 1);
            }
            // binary data is a fixed point: binarizing it again changes nothing
            assertArrayEquals(a.row(r), Binarization.once(a, 5).row(r), 0);
        }
        assertTrue(differs, "another seed gives other draws");
        Table outside = Table.ofNumeric(Schema.numeric("pixel", 2), new float[] {0.5f, 0.2f, 0.1f, 1.5f}, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binarization.once(outside, 1));
        assertTrue(e.getMessage().contains("row 2, column '" + outside.schema().column(1).name() + "'"),
                e.getMessage());
    }

    @Test
    void trainingWithBinarizationIsReproducibleAndDiffersFromGreyTraining() {
        Random random = new Random(6);
        float[] pixels = new float[120 * 6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        Table train = Table.ofNumeric(Schema.numeric("pixel", 6), Arrays.copyOf(pixels, 90 * 6), null);
        Table validation = Table.ofNumeric(Schema.numeric("pixel", 6),
                Arrays.copyOfRange(pixels, 90 * 6, pixels.length), null);
        VaeConfig.Builder builder = VaeConfig.builder().latentDim(2).hidden(List.of(8))
                .numericLikelihood(NumericLikelihood.BERNOULLI).standardize(false).epochs(3).batchSize(30).seed(5);
        VaeConfig binarized = builder.dynamicBinarization(true).build();
        try (Vae first = new VaeTrainer(binarized).fit(train, validation);
                Vae second = new VaeTrainer(binarized).fit(train, validation);
                Vae grey = new VaeTrainer(builder.dynamicBinarization(false).build()).fit(train, validation)) {
            for (int e = 0; e < 3; e++) {
                assertEquals(first.history().epochs().get(e).trainLoss(), second.history().epochs().get(e).trainLoss(), 0);
                assertEquals(first.history().epochs().get(e).validationElbo(),
                        second.history().epochs().get(e).validationElbo(), 0);
            }
            assertArrayEquals(first.encode(train).mean()[0], second.encode(train).mean()[0], 0);
            assertFalse(first.history().epochs().get(0).trainLoss() == grey.history().epochs().get(0).trainLoss());
        }
        InvalidOptionException both = assertThrows(InvalidOptionException.class,
                () -> new VaeTrainer(builder.validationFraction(0.2).build()).fit(train, validation));
        assertEquals("validationFraction", both.option());
    }
}
