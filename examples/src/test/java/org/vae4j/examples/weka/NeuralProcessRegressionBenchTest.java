package org.vae4j.examples.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * The regression bench's scores on data whose answer is known: y = 2 x + Gaussian noise of standard deviation
 * 0.1, where a linear model's held-out log-likelihood approaches the noise's, -0.5 log(2 pi e 0.01) = 0.884.
 */
class NeuralProcessRegressionBenchTest {

    private static Instances line(int rows, long seed) {
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("x"), new Attribute("y")));
        Instances data = new Instances("line", attributes, rows);
        data.setClassIndex(1);
        Random random = new Random(seed);
        for (int i = 0; i < rows; i++) {
            double x = random.nextDouble() * 4 - 2;
            data.add(new DenseInstance(1, new double[] {x, 2 * x + 0.1 * random.nextGaussian()}));
        }
        return data;
    }

    @Test
    void linearRegressionIsScoredWithAGaussianOfItsTrainingResidualVariance() throws Exception {
        NeuralProcessRegressionBench.Scores scores = NeuralProcessRegressionBench.crossValidate(
                "weka.classifiers.functions.LinearRegression", line(400, 1));
        assertEquals(0.1, scores.rmse(), 0.02);
        assertEquals(-0.5 * Math.log(2 * Math.PI * Math.E * 0.01), scores.meanLogLikelihood(), 0.1);
        assertTrue(Double.isNaN(scores.coverage()), "LinearRegression gives no prediction intervals");
    }

    @Test
    void aDensityEstimatorIsScoredWithItsOwnDensity() throws Exception {
        NeuralProcessRegressionBench.Scores scores = NeuralProcessRegressionBench.crossValidate(
                "weka.classifiers.functions.GaussianProcesses -N 2", line(100, 2));
        assertTrue(Double.isFinite(scores.meanLogLikelihood()) && scores.coverage() > 50, scores.toString());
    }
}
