package org.vae4j.infer;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;

/**
 * Adam (Kingma and Ba 2015) over a fixed list of parameters. The moment estimates are allocated once, up
 * front and next to their parameters, so nothing a step allocates outlives the step; each parameter is
 * updated by the engine's fused native Adam kernel (one call instead of a dozen element-wise ops), which
 * also zeroes the gradient for the next backward pass.
 */
public final class Adam {

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
     */
    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
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
     * Applies one update from the gradients left by the last backward pass. Call inside an
     * {@code NDScope}: the gradient handles fetched here are closed with it.
     */
    public void step() {
        steps++;
        double biasCorrection1 = 1 - StrictMath.pow(beta1, steps);
        double biasCorrection2 = 1 - StrictMath.pow(beta2, steps);
        float correctedRate = (float) (learningRate * Math.sqrt(biasCorrection2) / biasCorrection1);
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            NDList inputs = new NDList(w, w.getGradient(), means.get(i), variances.get(i));
            w.getNDArrayInternal().adamUpdate(inputs, new NDList(w), (float) learningRate, correctedRate,
                    0f, 1f, -1f, (float) beta1, (float) beta2, (float) epsilon, false, false);
        }
    }
}
