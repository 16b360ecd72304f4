package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vae4j.examples.synth.Tables.NA;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnMeasuresTest {

    @Test
    void kolmogorovSmirnovIsTheLargestGapBetweenTheStepFunctions() {
        // F_a jumps to 1/2 at 1 and to 1 at 2; F_b is 0 until 3: the gap is 1 (disjoint).
        assertEquals(1.0, KolmogorovSmirnov.statistic(new double[] {1, 2}, new double[] {3, 4}), 1e-12);
        // a = {1,2,3,4}, b = {3,4,5,6}: at 2, F_a = 0.5 and F_b = 0.
        assertEquals(0.5, KolmogorovSmirnov.statistic(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}), 1e-12);
        // ties across samples step together: a = {1,1,2}, b = {1,2,2}: at 1, 2/3 vs 1/3.
        assertEquals(1.0 / 3, KolmogorovSmirnov.statistic(new double[] {1, 1, 2}, new double[] {1, 2, 2}), 1e-12);
    }

    @Test
    void kolmogorovSmirnovLeavesMissingCellsOut() {
        assertEquals(0.0, KolmogorovSmirnov.statistic(new double[] {1, NA, 2}, new double[] {2, 1}), 1e-12);
        assertEquals(Double.NaN, KolmogorovSmirnov.statistic(new double[] {NA}, new double[] {1}));
    }

    @Test
    void totalVariationHalvesTheSumOfShareDifferencesOfTheObservedLevels() {
        // shares a: {1/2, 1/2, 0}, b: {1/4, 1/4, 1/2}: (1/4 + 1/4 + 1/2) / 2 = 1/2.
        assertEquals(0.5, TotalVariation.distance(new double[] {0, 1}, new double[] {0, 1, 2, 2}, 3), 1e-12);
        // missing cells are left out: b's observed cells are all level 0, as a's.
        assertEquals(0.0, TotalVariation.distance(new double[] {0, 0}, new double[] {0, NA}, 3), 1e-12);
        assertEquals(Double.NaN, TotalVariation.distance(new double[] {0}, new double[] {NA}, 3));
        // an index beyond the levels (an unseen level) still counts.
        assertEquals(1.0, TotalVariation.distance(new double[] {0}, new double[] {5}, 3), 1e-12);
    }

    @Test
    void fidelityReportsEachColumnWithItsMissingShares() {
        SynthTable real = Tables.labelled(new double[] {1, 2, 3, NA}, new double[] {0, 0, 1, 1});
        SynthTable synthetic = Tables.labelled(new double[] {1, 2, 3, 4}, new double[] {0, 0, 0, NA});
        List<ColumnFidelity.Column> columns = ColumnFidelity.compare(real, synthetic);
        assertEquals(new ColumnFidelity.Column("x", "ks", 0.25, 0.25, 0.0), columns.get(0));
        assertEquals(new ColumnFidelity.Column("y", "tvd", 0.5, 0.0, 0.25), columns.get(1));
        assertEquals(0.375, ColumnFidelity.mean(columns), 1e-12);
        assertEquals(0.25, ColumnFidelity.meanMissingDifference(columns), 1e-12);
    }
}
