package org.vae4j.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vae4j.engine.Engines;

/**
 * Each flow step's log |det df/dz| against the log-determinant of a central finite-difference Jacobian of
 * the step's own map, computed in plain Java, at several points in two and three dimensions (for IAF also
 * the Jacobian's triangle: output i does not move with a later input); and a step
 * applied to S draws per row, (S, B, M), against the same step applied to each draw's (B, M) slice.
 */
class FlowStepJacobianTest {

    /** The plain-Java reference the flows are checked against, itself checked on matrices of known determinant. */
    @Test
    void theReferenceLogDeterminantIsExactOnKnownMatrices() {
        // 2 x 2: det = ad - bc = 2 * 3 - 4 * 5 = -14; the elimination needs the pivot swap.
        assertEquals(Math.log(14), FlowTesting.logAbsDet(new double[][] {{2, 4}, {5, 3}}), 1e-12);
        // A row permutation of a triangular matrix: |det| is the product of its diagonal, 0.5 * 4 * 3.
        assertEquals(Math.log(6), FlowTesting.logAbsDet(new double[][] {{0, 4, 1}, {0.5, 7, -2}, {0, 0, 3}}), 1e-12);
    }

    private static final int ROWS = 3;
    private static final int CONTEXT = 2;

    private NDManager manager;
    private ParameterStore parameters;

    @BeforeEach
    void open() {
        manager = Engines.pytorch().newBaseManager();
        parameters = new ParameterStore(manager, false);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private FlowStep step(String kind, int latentDim) {
        FlowStep step = switch (kind) {
            case "planar" -> new PlanarFlow(latentDim);
            case "radial" -> new RadialFlow(latentDim);
            case "iaf" -> new InverseAutoregressiveFlow(latentDim, CONTEXT, 8, false);
            case "iaf-reversed" -> new InverseAutoregressiveFlow(latentDim, CONTEXT, 8, true);
            default -> throw new IllegalArgumentException(kind);
        };
        step.initialize(manager, DataType.FLOAT32, new Shape(1, latentDim));
        step.drawParameters(new Random(kind.hashCode() + latentDim));
        return step;
    }

    private NDArray context(int rows) {
        float[] h = new float[rows * CONTEXT];
        Random random = new Random(5);
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) random.nextGaussian();
        }
        return manager.create(h, new Shape(rows, CONTEXT));
    }

    private Transformed push(FlowStep step, float[] z, Shape shape, NDArray context) {
        return step.push(parameters, manager.create(z, shape), step instanceof InverseAutoregressiveFlow ? context : null,
                false);
    }

    @ParameterizedTest
    @CsvSource({"planar, 2", "planar, 3", "radial, 2", "radial, 3", "iaf, 2", "iaf, 3", "iaf-reversed, 3"})
    void logDeterminantMatchesFiniteDifferences(String kind, int m) {
        FlowStep step = step(kind, m);
        NDArray context = context(ROWS);
        Random random = new Random(11);
        float[] z = new float[ROWS * m];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        double h = 1e-3;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] logDet = push(step, z, new Shape(ROWS, m), context).logAbsDet().toFloatArray();
            double largest = 0;
            for (int b = 0; b < ROWS; b++) {
                double[][] jacobian = new double[m][m];
                for (int j = 0; j < m; j++) {
                    float[] up = z.clone();
                    float[] down = z.clone();
                    up[b * m + j] += (float) h;
                    down[b * m + j] -= (float) h;
                    float[] fUp = push(step, up, new Shape(ROWS, m), context).z().toFloatArray();
                    float[] fDown = push(step, down, new Shape(ROWS, m), context).z().toFloatArray();
                    double width = (double) up[b * m + j] - down[b * m + j];
                    for (int i = 0; i < m; i++) {
                        jacobian[i][j] = (fUp[b * m + i] - fDown[b * m + i]) / width;
                    }
                }
                if (kind.startsWith("iaf")) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            boolean later = kind.equals("iaf") ? j > i : j < i;
                            if (later) {
                                assertEquals(0.0, jacobian[i][j], 0.0, kind + ": output " + i + " moves with input " + j);
                            }
                        }
                    }
                }
                double numeric = FlowTesting.logAbsDet(jacobian);
                assertEquals(numeric, logDet[b], 2e-3, kind + " row " + b);
                largest = Math.max(largest, Math.abs(numeric));
            }
            assertTrue(largest > 0.05, kind + ": the step barely changes volume (" + largest + "), the check is weak");
        }
    }

    @ParameterizedTest
    @CsvSource({"planar", "radial", "iaf", "iaf-reversed"})
    void severalDrawsPerRowMatchOneDrawAtATime(String kind) {
        int m = 3;
        int draws = 4;
        FlowStep step = step(kind, m);
        NDArray context = context(ROWS);
        Random random = new Random(13);
        float[] z = new float[draws * ROWS * m];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Transformed all = push(step, z, new Shape(draws, ROWS, m), context);
            assertEquals(new Shape(draws, ROWS, m), all.z().getShape());
            assertEquals(new Shape(draws, ROWS), all.logAbsDet().getShape());
            float[] allZ = all.z().toFloatArray();
            float[] allLogDet = all.logAbsDet().toFloatArray();
            int slice = ROWS * m;
            for (int s = 0; s < draws; s++) {
                float[] one = new float[slice];
                System.arraycopy(z, s * slice, one, 0, slice);
                Transformed single = push(step, one, new Shape(ROWS, m), context);
                float[] expectedZ = new float[slice];
                System.arraycopy(allZ, s * slice, expectedZ, 0, slice);
                float[] expectedLogDet = new float[ROWS];
                System.arraycopy(allLogDet, s * ROWS, expectedLogDet, 0, ROWS);
                assertArrayEquals(expectedZ, single.z().toFloatArray(), 1e-5f, kind + " draw " + s);
                assertArrayEquals(expectedLogDet, single.logAbsDet().toFloatArray(), 1e-5f, kind + " draw " + s);
            }
        }
    }
}
