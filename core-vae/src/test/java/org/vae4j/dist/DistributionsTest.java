package org.vae4j.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.engine.Engines;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

import java.util.List;

/** Log-densities and KL divergences on tensors against closed forms computed here in plain Java. */
class DistributionsTest {

    private static final double TOL = 1e-4;
    private NDManager manager;
    private final Random random = new Random(7);

    @BeforeEach
    void open() {
        manager = Engines.pytorch().newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private double[][] randomMatrix(int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return m;
    }

    private NDArray tensor(double[][] m) {
        float[] flat = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                flat[i * m[0].length + j] = (float) m[i][j];
            }
        }
        return manager.create(flat, new Shape(m.length, m[0].length));
    }

    private static double[] values(NDArray array) {
        float[] f = array.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void diagonalNormalLogProbMatchesTheDensityFormula() {
        double[][] mu = randomMatrix(4, 3, 1);
        double[][] logVar = randomMatrix(4, 3, 0.5);
        double[][] x = randomMatrix(4, 3, 2);
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double var = Math.exp(logVar[i][j]);
                double d = x[i][j] - mu[i][j];
                expected[i] += -0.5 * Math.log(2 * Math.PI * var) - d * d / (2 * var);
            }
        }
        NDArray actual = new DiagonalNormal(tensor(mu), tensor(logVar)).logProb(tensor(x));
        assertArrayEquals(expected, values(actual), TOL);
        double[] standard = new double[4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                standard[i] += -0.5 * Math.log(2 * Math.PI) - x[i][j] * x[i][j] / 2;
            }
        }
        assertArrayEquals(standard, values(DiagonalNormal.standardLogProb(tensor(x))), TOL);
    }

    @Test
    void klDivergencesMatchTheClosedForm() {
        double[][] mu1 = randomMatrix(5, 4, 1);
        double[][] lv1 = randomMatrix(5, 4, 0.7);
        double[][] mu2 = randomMatrix(5, 4, 1);
        double[][] lv2 = randomMatrix(5, 4, 0.7);
        double[] toStandard = new double[5];
        double[] toOther = new double[5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                double s1 = Math.exp(lv1[i][j]);
                double s2 = Math.exp(lv2[i][j]);
                // KL(N(m1, s1) || N(m2, s2)) = 0.5 * (log(s2/s1) + (s1 + (m1-m2)^2)/s2 - 1)
                toStandard[i] += 0.5 * (-Math.log(s1) + s1 + mu1[i][j] * mu1[i][j] - 1);
                double d = mu1[i][j] - mu2[i][j];
                toOther[i] += 0.5 * (Math.log(s2 / s1) + (s1 + d * d) / s2 - 1);
            }
        }
        DiagonalNormal q = new DiagonalNormal(tensor(mu1), tensor(lv1));
        DiagonalNormal p = new DiagonalNormal(tensor(mu2), tensor(lv2));
        assertArrayEquals(toStandard, values(q.klToStandard()), TOL);
        assertArrayEquals(toOther, values(q.kl(p)), TOL);
        assertArrayEquals(new double[5], values(q.kl(q)), TOL);
    }

    @Test
    void reparameterisedSampleIsMeanPlusStdTimesNoise() {
        double[][] mu = randomMatrix(3, 2, 1);
        double[][] lv = randomMatrix(3, 2, 0.5);
        double[][] eps = randomMatrix(3, 2, 1);
        double[] expected = new double[6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                expected[i * 2 + j] = mu[i][j] + Math.exp(0.5 * lv[i][j]) * eps[i][j];
            }
        }
        DiagonalNormal q = new DiagonalNormal(tensor(mu), tensor(lv));
        LatentSample sample = q.rsample(tensor(eps));
        assertArrayEquals(expected, values(sample.z()), TOL);
        // the density carried with the draws is the density of the drawn points
        assertArrayEquals(values(q.logProb(sample.z())), values(sample.logProb()), TOL);
    }

    @Test
    void bernoulliLogProbIsMinusBinaryCrossEntropyAlsoForContinuousTargets() {
        double[][] logits = randomMatrix(3, 4, 5);
        double[][] x = new double[3][4];
        for (double[] row : x) {
            for (int j = 0; j < 4; j++) {
                row[j] = j == 0 ? 1 : j == 1 ? 0 : random.nextDouble();
            }
        }
        double[] expected = new double[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double p = 1 / (1 + Math.exp(-logits[i][j]));
                expected[i * 4 + j] = x[i][j] * Math.log(p) + (1 - x[i][j]) * Math.log(1 - p);
            }
        }
        assertArrayEquals(expected, values(new Bernoulli(tensor(logits)).logProbElementwise(tensor(x))), 1e-3);
    }

    @Test
    void bernoulliLogProbStaysFiniteForExtremeLogits() {
        NDArray logits = manager.create(new float[] {-200f, 200f}, new Shape(1, 2));
        NDArray x = manager.create(new float[] {0f, 1f}, new Shape(1, 2));
        assertArrayEquals(new double[] {0, 0}, values(new Bernoulli(logits).logProbElementwise(x)), 1e-6);
    }

    @Test
    void categoricalLogProbIsTheLogSoftmaxOfTheTakenLevel() {
        double[][] logits = randomMatrix(2, 3, 2);
        double[][] oneHot = {{0, 1, 0}, {0, 0, 0}};
        double norm = Math.log(Math.exp(logits[0][0]) + Math.exp(logits[0][1]) + Math.exp(logits[0][2]));
        assertArrayEquals(new double[] {logits[0][1] - norm, 0},
                values(new Categorical(tensor(logits)).logProb(tensor(oneHot))), TOL);
    }

    @Test
    void learnedVarianceGaussianBroadcastsItsPerFeatureVariance() {
        double[][] mean = randomMatrix(2, 3, 1);
        double[][] x = randomMatrix(2, 3, 1);
        double[] logVar = {0.3, -0.4, 1.1};
        double[] expected = new double[6];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double var = Math.exp(logVar[j]);
                double d = x[i][j] - mean[i][j];
                expected[i * 3 + j] = -0.5 * Math.log(2 * Math.PI * var) - d * d / (2 * var);
            }
        }
        NDArray lv = manager.create(new float[] {0.3f, -0.4f, 1.1f});
        assertArrayEquals(expected, values(new LearnedVarianceGaussian(tensor(mean), lv)
                .logProbElementwise(tensor(x))), TOL);
    }

    @Test
    void mixedLikelihoodSumsObservedCellsOfEachKindAndSkipsMissingOnes() {
        Schema schema = Schema.of(List.of(Column.categorical("c", List.of("a", "b", "c")), Column.numeric("n"),
                Column.binary("b")));
        EncodedLayout layout = new EncodedLayout(schema, NumericLikelihood.GAUSSIAN);
        // layout: gaussian n at 0, bernoulli b at 1, categorical c at 2..4
        assertEquals(0, layout.slot(1).offset());
        assertEquals(1, layout.slot(2).offset());
        assertEquals(2, layout.slot(0).offset());
        double[][] out = {{0.5, 2.0, 1.0, -1.0, 0.5}, {-0.2, -1.0, 0.3, 0.1, 0.2}};
        double[][] x = {{1.5, 1, 0, 0, 1}, {9.0, 0, 0, 0, 0}};
        double[][] mask = {{1, 1, 1, 1, 1}, {0, 1, 0, 0, 0}};
        double logVar = -0.5;
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double var = Math.exp(logVar);
            double d = x[i][0] - out[i][0];
            double gaussian = -0.5 * Math.log(2 * Math.PI * var) - d * d / (2 * var);
            double p = 1 / (1 + Math.exp(-out[i][1]));
            double bernoulli = x[i][1] * Math.log(p) + (1 - x[i][1]) * Math.log(1 - p);
            double norm = Math.log(Math.exp(out[i][2]) + Math.exp(out[i][3]) + Math.exp(out[i][4]));
            double categorical = 0;
            for (int j = 2; j < 5; j++) {
                categorical += x[i][j] * (out[i][j] - norm);
            }
            expected[i] = mask[i][0] * gaussian + mask[i][1] * bernoulli + categorical;
        }
        NDArray actual = new MixedLikelihood(layout).logProb(tensor(out),
                manager.create(new float[] {(float) logVar}), tensor(x), tensor(mask));
        assertArrayEquals(expected, values(actual), TOL);
    }
}
