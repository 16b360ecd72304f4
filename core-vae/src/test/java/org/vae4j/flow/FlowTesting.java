package org.vae4j.flow;

import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

import org.vae4j.nn.WeightInit;

/** Shared set-up of the flow tests: networks initialised the way VaeNetworks does it, and plain-Java linear algebra. */
final class FlowTesting {

    private FlowTesting() {}

    /** Allocates a guide's block tree for inputs of the given width and draws its values from a seeded generator. */
    static void initialize(Block network, NDManager manager, int inputWidth, long seed) {
        network.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        network.initialize(manager, DataType.FLOAT32, new Shape(1, inputWidth));
        WeightInit.TORCH_UNIFORM.apply(network, new Random(seed));
    }

    /** log |det a| of a small square matrix by Gaussian elimination with partial pivoting. */
    static double logAbsDet(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double log = 0;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            log += Math.log(Math.abs(m[c][c]));
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        return log;
    }
}
