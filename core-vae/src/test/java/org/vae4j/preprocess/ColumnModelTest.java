package org.vae4j.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/** Column models detected from training values, declared by the user, and the encoding they give. */
class ColumnModelTest {

    private static final Schema SCHEMA = Schema.of(List.of(Column.numeric("normal"), Column.numeric("amount"),
            Column.numeric("count"), Column.numeric("magnesium"), Column.numeric("bimodal"),
            Column.numeric("unrecorded"), Column.categorical("colour", List.of("red", "green", "blue"))));

    private static Table table() {
        Random random = new Random(4);
        Table.Builder builder = Table.builder(SCHEMA, 800);
        for (int i = 0; i < 800; i++) {
            builder.addRow(new double[] {random.nextGaussian() + 0.1234, Math.exp(7 + 0.8 * random.nextGaussian()),
                    1 + random.nextInt(4), random.nextDouble() < 0.3 ? 0 : 3.5 + 0.3 * random.nextGaussian(),
                    (random.nextBoolean() ? -4 : 4) + 0.5 * random.nextGaussian(), Double.NaN, random.nextInt(2)});
        }
        return builder.build();
    }

    private static NumericColumnModel numeric(Preprocessor p, String name) {
        return p.columnModels().get(SCHEMA.indexOf(name)).numeric();
    }

    @Test
    void traitsAreDetectedFromTheTrainingValues() {
        Preprocessor p = Preprocessor.fit(table(), NumericLikelihood.GAUSSIAN, true);
        NumericColumnModel normal = numeric(p, "normal");
        assertTrue(normal.bounded());
        assertFalse(normal.integer() || normal.logScale() || normal.zeroSpike(), normal.toString());
        assertEquals(1, normal.modeCount(), normal.toString());
        assertTrue(numeric(p, "amount").logScale(), numeric(p, "amount").toString());
        assertTrue(numeric(p, "count").integer(), numeric(p, "count").toString());
        assertTrue(numeric(p, "magnesium").zeroSpike(), numeric(p, "magnesium").toString());
        assertTrue(numeric(p, "bimodal").modeCount() >= 2, numeric(p, "bimodal").toString());
        assertFalse(p.columnModels().get(SCHEMA.indexOf("unrecorded")).observed());
        ColumnModel colour = p.columnModels().get(SCHEMA.indexOf("colour"));
        assertTrue(colour.levels()[0] && colour.levels()[1] && !colour.levels()[2]);
    }

    @Test
    void declaredTypesReplaceDetection() {
        Preprocessor p = Preprocessor.fit(table(), NumericLikelihood.GAUSSIAN, true,
                ColumnTypes.parse("amount:unbounded, *:gaussian"));
        NumericColumnModel amount = numeric(p, "amount");
        assertFalse(amount.bounded() || amount.logScale(), amount.toString());
        NumericColumnModel bimodal = numeric(p, "bimodal");
        assertTrue(bimodal.bounded());
        assertEquals(1, bimodal.modeCount(), bimodal.toString());
        assertFalse(numeric(p, "count").integer());
    }

    @Test
    void badDeclarationsNameTheColumnOrWord() {
        Table table = table();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.fit(table, NumericLikelihood.GAUSSIAN, true, ColumnTypes.parse("age:integer")));
        assertTrue(unknown.getMessage().contains("no column 'age'"), unknown.getMessage());
        IllegalArgumentException nominal = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.fit(table, NumericLikelihood.GAUSSIAN, true, ColumnTypes.parse("colour:integer")));
        assertTrue(nominal.getMessage().contains("'colour' is categorical"), nominal.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> ColumnTypes.parse("count:integr"));
        assertTrue(word.getMessage().contains("'integr'"), word.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Preprocessor.fit(table, NumericLikelihood.GAUSSIAN, true, ColumnTypes.parse("normal:positive")));
        assertTrue(negative.getMessage().contains("'normal' is declared positive"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnTypes.parse("count:auto+integer"));
    }

    @Test
    void decodingTheEncodingGivesTheValuesBack() {
        Table table = table();
        Preprocessor p = Preprocessor.fit(table, NumericLikelihood.GAUSSIAN, true);
        EncodedRows encoded = p.encode(table);
        float[] output = new float[encoded.rows() * encoded.width()];
        encoded.values().duplicate().get(output);
        Table decoded = p.decode(output, encoded.rows(), null, null, null);
        for (int r = 0; r < table.rows(); r++) {
            for (String name : List.of("normal", "amount", "count", "magnesium", "bimodal", "colour")) {
                int c = SCHEMA.indexOf(name);
                double expected = table.value(r, c);
                assertEquals(expected, decoded.value(r, c), 1e-4 * Math.max(1, Math.abs(expected)),
                        "row " + (r + 1) + ", column " + name);
            }
            assertTrue(decoded.isMissing(r, SCHEMA.indexOf("unrecorded")));
        }
    }

    @Test
    void aLogScaleColumnRefusesANegativeValueNamingTheCell() {
        Preprocessor p = Preprocessor.fit(table(), NumericLikelihood.GAUSSIAN, true);
        Table bad = Table.builder(SCHEMA).addRow(new double[] {0, -5, 1, 0, 0, Double.NaN, 0}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.encode(bad));
        assertTrue(e.getMessage().startsWith("row 1, column 'amount'"), e.getMessage());
    }
}
