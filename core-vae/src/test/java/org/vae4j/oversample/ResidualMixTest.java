package org.vae4j.oversample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.preprocess.ColumnModel;
import org.vae4j.preprocess.NumericColumnModel;

/** How a synthetic row is made of the decoded row and the real rows at the ends of its latent segment. */
class ResidualMixTest {

    private static final Schema SCHEMA = new Schema(List.of(Column.numeric("amount"), Column.numeric("count"),
            Column.categorical("colour", List.of("red", "green", "blue"))),
            Column.categorical("class", List.of("a", "b")));

    private static Table rows(double[]... rows) {
        Table.Builder builder = Table.builder(SCHEMA);
        for (double[] row : rows) {
            builder.addRow(row, 1);
        }
        return builder.build();
    }

    private static ResidualMix mix(Table real, Table reconstructed) {
        NumericColumnModel plain = NumericColumnModel.standardised(0, 1);
        NumericColumnModel integer = new NumericColumnModel(0, 100, true, true, false, false, new double[] {1},
                new double[] {0}, new double[] {1});
        return new ResidualMix(real, reconstructed, List.of(ColumnModel.unconstrained(SCHEMA.column(0), plain),
                ColumnModel.unconstrained(SCHEMA.column(1), integer),
                ColumnModel.unconstrained(SCHEMA.column(2), null)));
    }

    private static Segments segment(double gap) {
        return new Segments(new int[] {0}, new int[] {1}, new double[] {gap}, new double[][] {{0}});
    }

    @Test
    void aNumericCellIsTheDecodedValuePlusTheMixedResiduals() {
        Table real = rows(new double[] {10, 4, 0}, new double[] {20, 9, 0});
        Table reconstructed = rows(new double[] {12, 5, 0}, new double[] {16, 7, 0});
        Table decoded = rows(new double[] {15, 6, 0});

        double[] row = mix(real, reconstructed).rows(segment(0.25), decoded, 1).row(0);

        // 15 + 0.75 * (10 - 12) + 0.25 * (20 - 16) = 14.5; 6 + 0.75 * (4 - 5) + 0.25 * (9 - 7) = 5.75, rounded
        assertEquals(14.5, row[0], 1e-6);
        assertEquals(6, row[1]);
    }

    @Test
    void aDecoderThatReconstructsNothingGivesTheSmotePointBetweenTheRealRows() {
        Table real = rows(new double[] {10, 4, 0}, new double[] {20, 8, 0});
        Table mean = rows(new double[] {50, 50, 0}, new double[] {50, 50, 0});

        double[] row = mix(real, mean).rows(segment(0.3), rows(new double[] {50, 50, 0}), 1).row(0);

        assertEquals(13, row[0], 1e-6);
        assertEquals(5, row[1]);
    }

    @Test
    void aMixedValueStaysWithinWhatTheRealAndDecodedValuesSpan() {
        Table real = rows(new double[] {10, 4, 0}, new double[] {20, 8, 0});
        Table reconstructed = rows(new double[] {0, 0, 0}, new double[] {0, 0, 0});
        Table decoded = rows(new double[] {18, 7, 0});

        double[] row = mix(real, reconstructed).rows(segment(0.5), decoded, 1).row(0);

        assertTrue(row[0] >= 10 && row[0] <= 20, "amount " + row[0]);
        assertTrue(row[1] >= 4 && row[1] <= 8, "count " + row[1]);
    }

    @Test
    void aLevelIsTheNearerEndsUnlessTheDecoderChangesIt() {
        Table real = rows(new double[] {0, 0, 0}, new double[] {0, 0, 2});
        Table reconstructed = rows(new double[] {0, 0, 1}, new double[] {0, 0, 1});

        assertEquals(0, mix(real, reconstructed).rows(segment(0.2), rows(new double[] {0, 0, 1}), 1).row(0)[2]);
        assertEquals(2, mix(real, reconstructed).rows(segment(0.8), rows(new double[] {0, 0, 1}), 1).row(0)[2]);
        assertEquals(2, mix(real, reconstructed).rows(segment(0.2), rows(new double[] {0, 0, 2}), 1).row(0)[2]);
    }

    @Test
    void aMissingEndLendsTheOtherEndsResidual() {
        Table real = rows(new double[] {Double.NaN, 4, 0}, new double[] {20, 8, 0});
        Table reconstructed = rows(new double[] {12, 4, 0}, new double[] {16, 8, 0});

        double[] row = mix(real, reconstructed).rows(segment(0.5), rows(new double[] {17, 6, 0}), 1).row(0);

        assertEquals(20, row[0], 1e-6); // 17 + 4, kept within [17, 20]
    }

    @Test
    void aCellMissingWhereTheRealRowsAreMissingStaysMissing() {
        Table real = rows(new double[] {Double.NaN, 4, Double.NaN}, new double[] {Double.NaN, 8, 2});
        Table reconstructed = rows(new double[] {12, 4, 1}, new double[] {16, 8, 1});

        double[] row = mix(real, reconstructed).rows(segment(0.3), rows(new double[] {14, 6, 1}), 1).row(0);

        assertTrue(Double.isNaN(row[0]), "amount " + row[0] + " where both real rows have none");
        assertTrue(Double.isNaN(row[2]), "colour " + row[2] + " where the nearer real row has none");
    }
}
