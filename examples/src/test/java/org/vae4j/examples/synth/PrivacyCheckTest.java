package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vae4j.examples.synth.Tables.NA;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;

class PrivacyCheckTest {

    private static final List<Column> COLUMNS = List.of(Column.numeric("x"), Column.categorical("k",
            List.of("a", "b", "c")));

    @Test
    void distanceStandardisesNumbersAndCountsMismatchedLevels() {
        // x has standard deviation 2 (values 0, 2, 4): a difference of 6 is 3 sd; k differs: sqrt(9 + 1).
        SynthTable real = new SynthTable(COLUMNS, new double[][] {{0, 2, 4}, {0, 1, 2}});
        RecordDistance d = RecordDistance.scaledBy(real);
        SynthTable other = new SynthTable(COLUMNS, new double[][] {{6, NA}, {1, 0}});
        assertEquals(Math.sqrt(10), d.between(other, 0, real, 0), 1e-12);
        // missing against 0: 1; level a against a: 0.
        assertEquals(1.0, d.between(other, 1, real, 0), 1e-12);
    }

    @Test
    void copiesAndPercentilesAgainstTheTrainingRows() {
        SynthTable training = new SynthTable(COLUMNS, new double[][] {{0, 2, 4, 4}, {0, 1, 2, 2}});
        SynthTable synthetic = new SynthTable(COLUMNS, new double[][] {{0, 2, 8, 4}, {0, 1, 2, 0}});
        SynthTable holdout = new SynthTable(COLUMNS, new double[][] {{1, 2, NA}, {0, 1, 0}});
        PrivacyCheck p = PrivacyCheck.measure(training, synthetic, holdout);
        assertEquals(0.5, p.syntheticCopies(), 1e-12); // rows 1 and 2 copy training rows
        assertEquals(0.5, p.realDuplicates(), 1e-12); // the two rows (4, c)
        assertEquals(1.0 / 3, p.holdoutCopies(), 1e-12); // (2, b) copies a training row
        assertEquals(0.5, p.completeHoldoutCopies(), 1e-12); // one of the two complete rows
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        assertEquals(2.5, PrivacyCheck.percentile(new double[] {4, 1, 3, 2}, 0.5), 1e-12);
        assertEquals(1.15, PrivacyCheck.percentile(new double[] {4, 1, 3, 2}, 0.05), 1e-12);
    }
}
