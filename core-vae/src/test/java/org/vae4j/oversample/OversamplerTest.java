package org.vae4j.oversample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;

/**
 * A class of 6 rows in a tight cluster at (3, 3) beside 300 rows around the origin, and a conditional VAE
 * trained briefly on them: it learns little from the condition (6 rows) and its codes carry little of a row
 * (it models the two columns mostly by their noise), as on small, overlapping real data.
 */
class OversamplerTest {

    private static final int MAJORITY = 300;
    private static final int MINORITY = 6;
    private static final double[] MINORITY_CENTRE = {3, 3};

    private static Table table;
    private static Vae vae;

    @BeforeAll
    static void train() {
        Schema schema = Schema.numeric("x", 2).withCondition(Column.categorical("class", List.of("big", "small")));
        Random random = new Random(5);
        Table.Builder builder = Table.builder(schema);
        for (int i = 0; i < MAJORITY; i++) {
            builder.addRow(new double[] {random.nextGaussian(), random.nextGaussian()}, 0);
        }
        for (int i = 0; i < MINORITY; i++) {
            builder.addRow(new double[] {MINORITY_CENTRE[0] + 0.3 * random.nextGaussian(),
                    MINORITY_CENTRE[1] + 0.3 * random.nextGaussian()}, 1);
        }
        table = builder.build();
        VaeConfig config = VaeConfig.builder().latentDim(2).hidden(List.of(16)).epochs(20).seed(3)
                .columnTypes("*:gaussian").build();
        vae = new VaeTrainer(config).fit(table);
    }

    @AfterAll
    static void close() {
        vae.close();
    }

    private static double shareNearTheMinority(Table synthetic) {
        int near = 0;
        for (int r = 0; r < synthetic.rows(); r++) {
            double toMinority = Math.hypot(synthetic.value(r, 0) - MINORITY_CENTRE[0],
                    synthetic.value(r, 1) - MINORITY_CENTRE[1]);
            double toMajority = Math.hypot(synthetic.value(r, 0), synthetic.value(r, 1));
            near += toMinority < toMajority ? 1 : 0;
        }
        return near / (double) synthetic.rows();
    }

    @Test
    void syntheticRowsOfASmallClassLieWhereItsRealRowsAreNotWhereTheOtherClassIs() {
        Table synthetic = new Oversampler(OversamplingMethod.INTERPOLATE, 5).synthesize(vae, table, MAJORITY, 11);

        double share = shareNearTheMinority(synthetic);
        assertTrue(share >= 0.9, "only " + share + " of the synthetic rows are nearer the small class's centre");
    }

    @Test
    void drawsFromThePriorAndDecodedCodesAloneFallWhereTheOtherClassIs() {
        for (OversamplingMethod method : List.of(OversamplingMethod.PRIOR, OversamplingMethod.DECODE)) {
            Table synthetic = new Oversampler(method, 5).synthesize(vae, table, MAJORITY, 11);

            double share = shareNearTheMinority(synthetic);
            assertTrue(share < 0.5, share + " of the rows of " + method + " are nearer the small class's centre");
        }
    }

    @Test
    void topsUpEverySmallerClassToTheTargetAndNoOther() {
        Oversampler oversampler = new Oversampler(OversamplingMethod.INTERPOLATE, 5);

        Table synthetic = oversampler.synthesize(vae, table, 50, 11);
        assertArrayEquals(new int[] {0, 44}, Oversampler.classCounts(synthetic));
        assertEquals(0, oversampler.synthesize(vae, table, MINORITY, 11).rows());
        assertArrayEquals(new int[] {200, 494}, Oversampler.classCounts(oversampler.synthesize(vae, table, 500, 11)));
    }

    @Test
    void theSameSeedGivesTheSameRows() {
        Oversampler oversampler = new Oversampler(OversamplingMethod.INTERPOLATE, 5);

        Table a = oversampler.synthesize(vae, table, 40, 11);
        Table b = oversampler.synthesize(vae, table, 40, 11);
        for (int r = 0; r < a.rows(); r++) {
            assertArrayEquals(a.row(r), b.row(r));
        }
    }

    @Test
    void refusesAnUnconditionalVaeAndTooFewNeighbours() {
        Table unlabelled = Table.builder(Schema.numeric("x", 2)).addRow(new double[] {1, 2}).build();
        try (Vae plain = new VaeTrainer(VaeConfig.builder().epochs(1).build()).fit(unlabelled)) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Oversampler(OversamplingMethod.INTERPOLATE, 5).synthesize(plain, table, 10, 1));
        }
        String message = assertThrows(IllegalArgumentException.class,
                () -> new Oversampler(OversamplingMethod.INTERPOLATE, 0)).getMessage();
        assertTrue(message.contains("neighbours"), message);
    }
}
