package org.vae4j.np.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vae4j.np.Prediction;
import org.vae4j.np.TaskBatch;

/** The Gaussian-process oracle against closed forms, and the task generator against its kernel. */
class GaussianProcessTest {

    private static final SquaredExponentialKernel UNIT = new SquaredExponentialKernel(1, 1);

    @Test
    void oneContextPointGivesTheClosedFormPredictive() {
        double s2 = 0.01;
        Prediction p = GaussianProcessOracle.predict(UNIT, 0.1, new double[] {0}, new double[] {1},
                new double[] {0.5, 0});
        double k = Math.exp(-0.125);
        assertEquals(k / (1 + s2), p.mean()[0][0], 1e-12);
        assertEquals(1 - k * k / (1 + s2) + s2, p.variance()[0][0], 1e-12);
        assertEquals(1 / (1 + s2), p.mean()[1][0], 1e-12);
        assertEquals(1 - 1 / (1 + s2) + s2, p.variance()[1][0], 1e-12);
    }

    @Test
    void twoContextPointsGiveTheHandInvertedPredictive() {
        double s2 = 0.04;
        double[] x = {0, 1};
        double[] y = {1, -1};
        double c = Math.exp(-0.5);
        // (K + s2 I)^-1 of [[d, c], [c, d]] is [[d, -c], [-c, d]] / (d^2 - c^2)
        double d = 1 + s2;
        double det = d * d - c * c;
        double[] alpha = {(d * y[0] - c * y[1]) / det, (-c * y[0] + d * y[1]) / det};
        double xs = 0.3;
        double[] k = {Math.exp(-0.5 * 0.09), Math.exp(-0.5 * 0.49)};
        double mean = k[0] * alpha[0] + k[1] * alpha[1];
        double quad = (d * k[0] * k[0] - 2 * c * k[0] * k[1] + d * k[1] * k[1]) / det;
        Prediction p = GaussianProcessOracle.predict(UNIT, 0.2, x, y, new double[] {xs});
        assertEquals(mean, p.mean()[0][0], 1e-12);
        assertEquals(1 - quad + s2, p.variance()[0][0], 1e-12);
        double z = (0.5 - mean) / Math.sqrt(1 - quad + s2);
        assertEquals(-0.5 * Math.log(2 * Math.PI * (1 - quad + s2)) - 0.5 * z * z,
                p.logDensity(new double[][] {{0.5}})[0], 1e-12);
    }

    @Test
    void choleskySolvesAndRefusesAnIndefiniteMatrix() {
        double[][] a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        double[] b = {1, -2, 0.5};
        double[] x = Cholesky.of(a).solve(b);
        for (int i = 0; i < 3; i++) {
            assertEquals(b[i], a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> Cholesky.of(new double[][] {{1, 2}, {2, 1}}));
    }

    @Test
    void drawnObservationsHaveTheKernelsCovariance() {
        double[] x = {-1.5, -1.0, -0.6, 0, 1.2};
        SquaredExponentialKernel kernel = new SquaredExponentialKernel(0.4, 1);
        double[][] expected = kernel.matrix(x, GaussianProcessTasks.NOISE_SD * GaussianProcessTasks.NOISE_SD);
        int draws = 20000;
        double[] sum = new double[x.length];
        double[][] products = new double[x.length][x.length];
        SplittableRandom random = new SplittableRandom(4);
        for (int n = 0; n < draws; n++) {
            double[] y = GaussianProcessTasks.drawObservations(kernel, x, random);
            for (int i = 0; i < x.length; i++) {
                sum[i] += y[i];
                for (int j = 0; j < x.length; j++) {
                    products[i][j] += y[i] * y[j];
                }
            }
        }
        // standard error of a covariance estimate with unit variances is at most sqrt(2 / draws) = 0.01
        for (int i = 0; i < x.length; i++) {
            assertEquals(0, sum[i] / draws, 0.03, "mean at " + x[i]);
            for (int j = 0; j < x.length; j++) {
                double covariance = products[i][j] / draws - sum[i] / draws * sum[j] / draws;
                assertEquals(expected[i][j], covariance, 0.04, "covariance of " + x[i] + " and " + x[j]);
            }
        }
        // far-apart inputs are nearly independent, close ones strongly correlated: the kernel, not a constant
        assertTrue(expected[0][4] < 0.01 && expected[0][1] > 0.4);
    }

    @Test
    void tasksKeepTheirContextAmongTheTargetsAndBatchesAreSeeded() {
        GaussianProcessTasks tasks = GaussianProcessTasks.randomKernel();
        GaussianProcessTasks.Task task = tasks.task(5, 7, new SplittableRandom(1));
        assertEquals(12, task.xTarget().length);
        for (int i = 0; i < 5; i++) {
            assertEquals(task.xContext()[i], task.xTarget()[i]);
            assertEquals(task.yContext()[i], task.yTarget()[i]);
        }
        assertTrue(task.kernel().lengthScale() >= 0.1 && task.kernel().lengthScale() <= 0.6);
        for (double x : task.xTarget()) {
            assertTrue(x >= -2 && x <= 2);
        }
        TaskBatch a = tasks.next(4, new SplittableRandom(9));
        TaskBatch b = tasks.next(4, new SplittableRandom(9));
        assertArrayEquals(a.yTarget(), b.yTarget());
        assertTrue(a.contextPoints() >= 3 && a.contextPoints() <= 49);
        assertTrue(a.targetPoints() >= a.contextPoints() + 2);
    }
}
