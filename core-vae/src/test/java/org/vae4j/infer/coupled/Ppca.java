package org.vae4j.infer.coupled;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.vae4j.data.Schema;
import org.vae4j.dist.MixedLikelihood;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.Batch;
import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Guide;
import org.vae4j.infer.Model;
import org.vae4j.infer.StandardNormalPrior;
import org.vae4j.nn.Mlp;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * Probabilistic PCA as a VAE with a 1-D latent: x = w z + b + N(0, diag psi), z ~ N(0, 1), a linear decoder and a
 * learned Gaussian log-variance, with a linear Gaussian guide set to the exact posterior or to a deliberately poor
 * one. log p(x) = log N(x; b, w w^T + diag psi) and its gradient in w, b and log psi are computed here in plain
 * Java, independently of the engine.
 */
final class Ppca implements AutoCloseable {

    static final double[] W = {1.5, -1.0, 0.8, 2.0, -0.5};
    static final double[] B = {1.0, -2.0, 0.5, 0.0, 3.0};
    static final double[] PSI = {0.3, 0.5, 0.2, 0.4, 0.3};
    static final int D = W.length;

    final NDManager manager = Engines.pytorch().newBaseManager();
    final Guide guide;
    final Model model;
    final Parameter weight;
    final Parameter bias;
    final Parameter logPsi;
    private final Block encoder;

    Ppca() {
        encoder = Mlp.of(List.of(), 2);
        Block decoder = Mlp.of(List.of(), D);
        for (Block block : List.of(encoder, decoder)) {
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        }
        encoder.initialize(manager, DataType.FLOAT32, new Shape(1, D));
        decoder.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
        logPsi = Parameter.builder().setName("logPsi").setType(Parameter.Type.OTHER).optShape(new Shape(D))
                .optInitializer(Initializer.ZEROS).build();
        logPsi.initialize(manager, DataType.FLOAT32);
        weight = decoder.getParameters().valueAt(0);
        bias = decoder.getParameters().valueAt(1);
        NativeArrays.overwrite(weight.getArray(), floats(W));
        NativeArrays.overwrite(bias.getArray(), floats(B));
        double[] logs = new double[D];
        for (int d = 0; d < D; d++) {
            logs[d] = Math.log(PSI[d]);
        }
        NativeArrays.overwrite(logPsi.getArray(), floats(logs));
        guide = new GaussianGuide(encoder, 1, false);
        model = new Model(new StandardNormalPrior(1), decoder,
                new MixedLikelihood(new EncodedLayout(Schema.numeric("x", D), NumericLikelihood.GAUSSIAN)), logPsi);
        useGuide(0, 1);
    }

    /**
     * Sets the guide to N(exact mean + shift * exact sd, (scale * exact sd)^2): shift 0 and scale 1 is the exact
     * posterior.
     */
    void useGuide(double shift, double scale) {
        double variance = posteriorVariance();
        float[] meanWeights = new float[D];
        double meanBias = 0;
        for (int d = 0; d < D; d++) {
            meanWeights[d] = (float) (variance * W[d] / PSI[d]);
            meanBias -= variance * W[d] * B[d] / PSI[d];
        }
        meanBias += shift * Math.sqrt(variance);
        float[] weights = new float[2 * D];
        System.arraycopy(meanWeights, 0, weights, 0, D);
        NativeArrays.overwrite(encoder.getParameters().valueAt(0).getArray(), weights);
        NativeArrays.overwrite(encoder.getParameters().valueAt(1).getArray(),
                new float[] {(float) meanBias, (float) Math.log(scale * scale * variance)});
    }

    /** Var(z | x), the same for every x. */
    static double posteriorVariance() {
        double precision = 1;
        for (int d = 0; d < D; d++) {
            precision += W[d] * W[d] / PSI[d];
        }
        return 1 / precision;
    }

    /** The given rows, each repeated {@code copies} times (copy i of row j at i * rows + j). */
    Batch batch(double[][] rows, int copies) {
        float[] x = new float[rows.length * copies * D];
        for (int i = 0; i < copies; i++) {
            for (int j = 0; j < rows.length; j++) {
                for (int d = 0; d < D; d++) {
                    x[(i * rows.length + j) * D + d] = (float) rows[j][d];
                }
            }
        }
        return new Batch(manager.create(x, new Shape((long) rows.length * copies, D)), null, null);
    }

    ParameterStore store() {
        return new ParameterStore(manager, false);
    }

    /** The model's parameters in the order of {@link #exactGradient}: w, b, log psi. */
    List<Parameter> parameters() {
        return List.of(weight, bias, logPsi);
    }

    /** Their gradients, flattened in the same order, then zeroed. */
    double[] takeGradient() {
        List<Double> all = new ArrayList<>();
        for (Parameter p : parameters()) {
            NDArray g = p.getArray().getGradient();
            for (float v : g.toFloatArray()) {
                all.add((double) v);
            }
            g.subi(g);
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The gradient of the mean of log N(x_j; b, w w^T + diag psi) over the rows in w, b and log psi:
     * with S = w w^T + diag psi, a = S^-1 (x - b) and G = (a a^T - S^-1) / 2, it is 2 G w, a and G_dd psi_d.
     */
    static double[] exactGradient(double[][] rows) {
        double[][] inverse = invert(covariance());
        double[] gradient = new double[3 * D];
        for (double[] x : rows) {
            double[] a = new double[D];
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    a[i] += inverse[i][j] * (x[j] - B[j]);
                }
            }
            for (int i = 0; i < D; i++) {
                double gw = 0;
                for (int j = 0; j < D; j++) {
                    gw += (a[i] * a[j] - inverse[i][j]) * W[j];
                }
                gradient[i] += gw / rows.length;
                gradient[D + i] += a[i] / rows.length;
                gradient[2 * D + i] += 0.5 * (a[i] * a[i] - inverse[i][i]) * PSI[i] / rows.length;
            }
        }
        return gradient;
    }

    private static double[][] covariance() {
        double[][] s = new double[D][D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                s[i][j] = W[i] * W[j] + (i == j ? PSI[i] : 0);
            }
        }
        return s;
    }

    /** Gauss-Jordan inverse of a symmetric positive-definite matrix. */
    private static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            double pivot = a[c][c];
            for (int j = 0; j < 2 * n; j++) {
                a[c][j] /= pivot;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return inverse;
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    @Override
    public void close() {
        manager.close();
    }
}
