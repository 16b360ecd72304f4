package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vae4j.examples.synth.Tables.NA;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;

class DependenceTest {

    @Test
    void pearsonUsesTheRowsWhereBothAreObserved() {
        assertEquals(1.0, Association.pearson(new double[] {1, 2, 3, NA}, new double[] {2, 4, 6, 100}), 1e-12);
        assertEquals(-1.0, Association.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        // x = (1, 2, 3), y = (1, 3, 2): covariance 0.5, variances 1: r = 0.5.
        assertEquals(0.5, Association.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-12);
        assertEquals(0.0, Association.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void cramersVOfHandCountedTables() {
        // perfect association of two binary columns: chi^2 = n, V = 1.
        assertEquals(1.0, Association.cramersV(new double[] {0, 0, 1, 1}, new double[] {1, 1, 0, 0}), 1e-12);
        // independence: every cell of the 2x2 table holds one row.
        assertEquals(0.0, Association.cramersV(new double[] {0, 0, 1, 1}, new double[] {0, 1, 0, 1}), 1e-12);
        // table [[2, 1], [0, 1]] (n = 4): expected [[1.5, 1.5], [0.5, 0.5]];
        // chi^2 = 0.25/1.5 + 0.25/1.5 + 0.25/0.5 + 0.25/0.5 = 4/3, V = sqrt(4/3 / 4) = sqrt(1/3).
        assertEquals(Math.sqrt(1.0 / 3),
                Association.cramersV(new double[] {0, 0, 0, 1}, new double[] {0, 0, 1, 1}), 1e-12);
    }

    @Test
    void dependenceDifferenceAveragesOverPairsOfEachKind() {
        List<Column> columns = List.of(Column.numeric("a"), Column.numeric("b"), Column.binary("c", "n", "y"),
                Column.binary("d", "n", "y"));
        SynthTable real = new SynthTable(columns, new double[][] {{1, 2, 3, 4}, {1, 2, 3, 4}, {0, 0, 1, 1},
            {0, 0, 1, 1}});
        SynthTable synthetic = new SynthTable(columns, new double[][] {{1, 2, 3, 4}, {4, 3, 2, 1}, {0, 0, 1, 1},
            {0, 1, 0, 1}});
        DependenceDifference d = DependenceDifference.compare(real, synthetic);
        assertEquals(1, d.numericPairs());
        assertEquals(2.0, d.correlation(), 1e-12);
        assertEquals(1, d.nominalPairs());
        assertEquals(1.0, d.cramersV(), 1e-12);
        assertEquals(1.5, d.overall(), 1e-12);
    }
}
