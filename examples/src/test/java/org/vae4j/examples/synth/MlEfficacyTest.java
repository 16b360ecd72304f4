package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;

class MlEfficacyTest {

    @Test
    void macroF1AveragesOverClassesThatOccur() {
        // class 0: 2*3 / (6 + 2 + 1) = 2/3; class 1: 2*4 / (8 + 1 + 2) = 8/11.
        assertEquals((2.0 / 3 + 8.0 / 11) / 2, MacroF1.of(new double[][] {{3, 1}, {2, 4}}), 1e-12);
        // class 1 neither occurs nor is predicted: left out.
        assertEquals(1.0, MacroF1.of(new double[][] {{2, 0, 0}, {0, 0, 0}, {0, 0, 1}}), 1e-12);
        // class 1 is predicted but never occurs: F1 0 for it.
        assertEquals(1.0 / 3, MacroF1.of(new double[][] {{1, 1}, {0, 0}}), 1e-12);
    }

    @Test
    void rowsWithTheWrongLabelsTeachNothing() throws Exception {
        SynthTable real = separable(false);
        SynthTable flipped = separable(true);
        MlEfficacy efficacy = MlEfficacy.measure(real, flipped, real, 1);
        assertTrue(efficacy.classification());
        for (String learner : List.of("J48", "Logistic")) {
            MlEfficacy.Score accuracy = efficacy.score(learner, "accuracy");
            assertEquals(1.0, accuracy.trainOnReal(), 1e-12, learner);
            assertEquals(0.0, accuracy.trainOnSynthetic(), 1e-12, learner);
            assertEquals(0.0, accuracy.ratio(), 1e-12, learner);
            assertEquals(1.0, efficacy.score(learner, "macro_f1").trainOnReal(), 1e-12, learner);
        }
    }

    @Test
    void aNumericClassIsScoredByRegressionError() throws Exception {
        double[] x = new double[20];
        double[] y = new double[20];
        double[] wrong = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 2 * i + 1;
            wrong[i] = -2 * i;
        }
        List<Column> columns = List.of(Column.numeric("x"), Column.numeric("y"));
        SynthTable real = new SynthTable(columns, new double[][] {x, y});
        SynthTable synthetic = new SynthTable(columns, new double[][] {x, wrong});
        MlEfficacy efficacy = MlEfficacy.measure(real, synthetic, real, 1);
        assertFalse(efficacy.classification());
        MlEfficacy.Score linear = efficacy.score("LinearRegression", "rmse");
        assertEquals(0.0, linear.trainOnReal(), 1e-6);
        assertTrue(linear.trainOnSynthetic() > 10, linear.toString());
        assertTrue(linear.ratio() < 0.01, linear.toString());
        MlEfficacy.Score tree = efficacy.score("REPTree", "mae");
        assertTrue(tree.ratio() < 0.5, "the wrong slope costs the tree too: " + tree);
        assertEquals("rmse", efficacy.primaryMeasure());
        assertEquals(List.of("REPTree", "LinearRegression"), efficacy.learners());
    }

    /** x = 0..19, class yes from 10 on (or the other way round). */
    private static SynthTable separable(boolean flipped) {
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = (i >= 10) != flipped ? 1 : 0;
        }
        return Tables.labelled(x, y);
    }
}
