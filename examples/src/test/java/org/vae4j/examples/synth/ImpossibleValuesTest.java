package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vae4j.examples.synth.Tables.NA;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.examples.synth.ImpossibleValues.Reason;

class ImpossibleValuesTest {

    private static final List<Column> COLUMNS = List.of(Column.numeric("count"), Column.numeric("ratio"),
            Column.categorical("k", List.of("a", "b", "c")));

    @Test
    void countsEachReasonAgainstTheRealColumns() {
        // count: whole numbers 1..5, never missing; ratio: 0.5..1.5 with a missing cell; k: levels a and b seen.
        SynthTable real = new SynthTable(COLUMNS, new double[][] {{1, 5, 3}, {0.5, 1.5, NA}, {0, 1, 0}});
        SynthTable synthetic = new SynthTable(COLUMNS, new double[][] {
            {0, 2.5, NA, 5}, // below range, fractional, missing, fine
            {0.7, NA, 2, 1.5}, // fine, fine (real has missing), above range, fine
            {2, 3, 1, NA}}); // declared but unseen level c, a level the real data lacks, fine, missing
        ImpossibleValues v = ImpossibleValues.count(real, synthetic);
        assertEquals(12, v.cells());
        assertEquals(Map.of(Reason.OUT_OF_RANGE, 2L, Reason.FRACTIONAL, 1L, Reason.UNSEEN_LEVEL, 2L, Reason.MISSING,
                2L), v.byReason());
        assertEquals(Map.of("count", 3L, "ratio", 1L, "k", 3L), v.byColumn());
        assertEquals(7.0 / 12, v.share(), 1e-12);
    }

    @Test
    void rowsLikeTheRealOnesHaveNone() {
        SynthTable real = new SynthTable(COLUMNS, new double[][] {{1, 5, 3}, {0.5, 1.5, NA}, {0, 1, 0}});
        assertEquals(0, ImpossibleValues.count(real, real).impossible());
    }
}
