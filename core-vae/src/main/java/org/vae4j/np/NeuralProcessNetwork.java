package org.vae4j.np;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.NoiseSource;
import org.vae4j.nn.Mlp;
import org.vae4j.nn.WeightInit;

/**
 * The networks of a neural process and the computations on them, on arrays shaped (tasks, points, dimensions):
 * the deterministic path (a perceptron over each context pair, averaged, or attended over for the attentive
 * model), the latent path (a perceptron over each pair, averaged, and a head giving the mean and standard
 * deviation 0.1 + 0.9 sigmoid(.) of q(z | set)), and the decoder from (x*, r [, z]) to a Gaussian over y* with
 * standard deviation 0.1 + 0.9 softplus(.). The 0.1 floors follow DeepMind's reference implementation; they
 * keep the likelihood bounded when a set pins a function down.
 */
final class NeuralProcessNetwork {

    /** The floor of every predicted standard deviation (decoder and latent). */
    static final float SIGMA_FLOOR = 0.1f;

    private final NeuralProcessKind kind;
    private final int xDim;
    private final int yDim;
    private final int latentDim;
    private final Map<String, Block> blocks = new LinkedHashMap<>();

    /** The architecture: dimensions and widths, checked by the caller. */
    record Architecture(NeuralProcessKind kind, int xDim, int yDim, int representationDim, int latentDim,
            List<Integer> hidden) {

        /** Number of parameters, computed without allocating anything. */
        long parameterCount() {
            long total = 0;
            for (Map.Entry<String, long[]> e : shapes().entrySet()) {
                long n = 1;
                for (long d : e.getValue()) {
                    n = Math.multiplyExact(n, d);
                }
                total = Math.addExact(total, n);
            }
            return total;
        }

        /** Every parameter's model-file name and shape, computed without allocating anything. */
        Map<String, long[]> shapes() {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            int pair = xDim + yDim;
            addPerceptron(shapes, "deterministic", pair, hidden, representationDim);
            if (kind.attends()) {
                addPerceptron(shapes, "attentionEmbedding", xDim, hidden, representationDim);
            }
            if (kind.hasLatentPath()) {
                addPerceptron(shapes, "latentEncoder", pair, hidden, representationDim);
                addPerceptron(shapes, "latentHead", representationDim, List.of(representationDim), 2 * latentDim);
            }
            addPerceptron(shapes, "decoder", decoderInput(), hidden, 2 * yDim);
            return shapes;
        }

        int decoderInput() {
            return xDim + representationDim + (kind.hasLatentPath() ? latentDim : 0);
        }

        private static void addPerceptron(Map<String, long[]> shapes, String name, int in, List<Integer> hidden,
                int out) {
            int width = in;
            List<Integer> widths = new ArrayList<>(hidden);
            widths.add(out);
            for (int layer = 0; layer < widths.size(); layer++) {
                shapes.put(name + ".layer" + layer + ".weight", new long[] {widths.get(layer), width});
                shapes.put(name + ".layer" + layer + ".bias", new long[] {widths.get(layer)});
                width = widths.get(layer);
            }
        }
    }

    private NeuralProcessNetwork(NeuralProcessKind kind, int xDim, int yDim, int latentDim) {
        this.kind = kind;
        this.xDim = xDim;
        this.yDim = yDim;
        this.latentDim = latentDim;
    }

    /** Builds the networks on {@code manager} with weights drawn like {@code torch.nn.Linear}'s from {@code random}. */
    static NeuralProcessNetwork create(Architecture a, NDManager manager, Random random) {
        NeuralProcessNetwork network = new NeuralProcessNetwork(a.kind(), a.xDim(), a.yDim(), a.latentDim());
        int pair = a.xDim() + a.yDim();
        network.add("deterministic", Mlp.of(a.hidden(), a.representationDim()), pair, manager, random);
        if (a.kind().attends()) {
            network.add("attentionEmbedding", Mlp.of(a.hidden(), a.representationDim()), a.xDim(), manager, random);
        }
        if (a.kind().hasLatentPath()) {
            network.add("latentEncoder", Mlp.of(a.hidden(), a.representationDim()), pair, manager, random);
            network.add("latentHead", Mlp.of(List.of(a.representationDim()), 2 * a.latentDim()),
                    a.representationDim(), manager, random);
        }
        network.add("decoder", Mlp.of(a.hidden(), 2 * a.yDim()), a.decoderInput(), manager, random);
        return network;
    }

    private void add(String name, Block block, int inputWidth, NDManager manager, Random random) {
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputWidth));
        WeightInit.TORCH_UNIFORM.apply(block, random);
        blocks.put(name, block);
    }

    /** Every parameter by its model-file name, in the order of {@link Architecture#shapes()}. */
    Map<String, Parameter> named() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        blocks.forEach((name, block) -> {
            int layer = 0;
            for (Block child : block.getChildren().values()) {
                if (child instanceof Linear linear) {
                    named.put(name + ".layer" + layer + ".weight", linear.getParameters().get("weight"));
                    named.put(name + ".layer" + layer + ".bias", linear.getParameters().get("bias"));
                    layer++;
                }
            }
        });
        return named;
    }

    /** Every parameter, for the optimizer. */
    List<Parameter> parameters() {
        return new ArrayList<>(named().values());
    }

    NeuralProcessKind kind() {
        return kind;
    }

    /** A diagonal Gaussian over (tasks, ..., dimensions): its mean and standard deviation. */
    record Gaussian(NDArray mean, NDArray sigma) {

        /** log N(y; mean, sigma^2), elementwise. */
        NDArray logDensity(NDArray y) {
            NDArray standardized = y.sub(mean).div(sigma);
            return standardized.square().mul(constant(mean, -0.5f)).sub(sigma.log())
                    .sub(constant(mean, (float) (0.5 * Math.log(2 * Math.PI))));
        }

        /** KL(this || other), summed over the last axis. */
        NDArray kl(Gaussian other) {
            NDArray ratio = sigma.div(other.sigma);
            NDArray meanTerm = mean.sub(other.mean).div(other.sigma).square();
            return ratio.square().add(meanTerm).sub(constant(mean, 1)).mul(constant(mean, 0.5f)).sub(ratio.log())
                    .sum(new int[] {-1});
        }

        /** mean + sigma * eps. */
        NDArray draw(NDArray eps) {
            return mean.add(sigma.mul(eps));
        }
    }

    /** Runs the perceptron {@code name} on (tasks, points, width) input, giving (tasks, points, out). */
    private NDArray perceptron(ParameterStore store, String name, NDArray input, boolean training) {
        Shape shape = input.getShape();
        long tasks = shape.get(0);
        long points = shape.get(1);
        NDArray flat = input.reshape(tasks * points, shape.get(2));
        NDArray out = blocks.get(name).forward(store, new NDList(flat), training).singletonOrThrow();
        return out.reshape(tasks, points, out.getShape().get(1));
    }

    /** The deterministic representation for each target: (tasks, targets, representationDim). */
    NDArray representation(ParameterStore store, NDArray xContext, NDArray yContext, NDArray xTarget,
            boolean training) {
        NDArray codes = perceptron(store, "deterministic", xContext.concat(yContext, 2), training);
        long targets = xTarget.getShape().get(1);
        if (!kind.attends()) {
            NDArray mean = codes.mean(new int[] {1}, true);
            return mean.broadcast(mean.getShape().get(0), targets, mean.getShape().get(2));
        }
        NDArray keys = perceptron(store, "attentionEmbedding", xContext, training);
        NDArray queries = perceptron(store, "attentionEmbedding", xTarget, training);
        float scale = (float) (1 / Math.sqrt(keys.getShape().get(2)));
        NDArray weights = queries.batchMatMul(keys.transpose(0, 2, 1)).mul(constant(keys, scale)).softmax(2);
        return weights.batchMatMul(codes);
    }

    /** q(z | set) from the set's pairs: mean and sigma shaped (tasks, latentDim). */
    Gaussian latent(ParameterStore store, NDArray x, NDArray y, boolean training) {
        NDArray codes = perceptron(store, "latentEncoder", x.concat(y, 2), training).mean(new int[] {1});
        NDArray head = blocks.get("latentHead").forward(store, new NDList(codes), training).singletonOrThrow();
        NDArray mean = head.get(new NDIndex(":, :" + latentDim));
        NDArray raw = head.get(new NDIndex(":, " + latentDim + ":"));
        return new Gaussian(mean, floored(Activation.sigmoid(raw)));
    }

    /**
     * The decoder's Gaussian over y for each target: (tasks, targets, yDim).
     *
     * @param z one latent per task, (tasks, latentDim), or null for a model without latent path
     */
    Gaussian decode(ParameterStore store, NDArray xTarget, NDArray representation, NDArray z, boolean training) {
        NDArray input = xTarget.concat(representation, 2);
        if (z != null) {
            Shape shape = xTarget.getShape();
            input = input.concat(z.expandDims(1).broadcast(shape.get(0), shape.get(1), latentDim), 2);
        }
        NDArray out = perceptron(store, "decoder", input, training);
        NDArray mean = out.get(new NDIndex(":, :, :" + yDim));
        NDArray raw = out.get(new NDIndex(":, :, " + yDim + ":"));
        return new Gaussian(mean, floored(Activation.softPlus(raw)));
    }

    /**
     * A natively owned constant for differentiable arithmetic (DJL's {@code mul(Number)} family leaves autograd a
     * Java-backed constant the collector may free before the backward pass: see {@link NativeArrays}).
     */
    private static NDArray constant(NDArray like, float value) {
        return NativeArrays.scalar(like, value);
    }

    /** 0.1 + 0.9 {@code unit}: a standard deviation with the floor {@link #SIGMA_FLOOR}. */
    private static NDArray floored(NDArray unit) {
        return unit.mul(constant(unit, 1 - SIGMA_FLOOR)).add(constant(unit, SIGMA_FLOOR));
    }

    /** A natively owned (tasks, points, width) array of flat row-major values. */
    static NDArray tasks(NDManager manager, float[] values, int tasks, int points, int width) {
        return NativeArrays.copyOf(manager, FloatBuffer.wrap(values), new Shape(tasks, points, width));
    }

    /** The arrays of one task batch on {@code manager}. */
    record Arrays(NDArray xContext, NDArray yContext, NDArray xTarget, NDArray yTarget) {

        static Arrays of(NDManager manager, TaskBatch b) {
            return new Arrays(tasks(manager, b.xContext(), b.tasks(), b.contextPoints(), b.xDim()),
                    tasks(manager, b.yContext(), b.tasks(), b.contextPoints(), b.yDim()),
                    tasks(manager, b.xTarget(), b.tasks(), b.targetPoints(), b.xDim()),
                    tasks(manager, b.yTarget(), b.tasks(), b.targetPoints(), b.yDim()));
        }
    }

    /** The terms of the training objective of one task batch, each per task. */
    record Objective(NDArray logLikelihood, NDArray kl, long targets) {

        /** Minus the objective per target point, averaged over tasks: the loss training minimises. */
        NDArray loss() {
            NDArray perTask = kl == null ? logLikelihood : logLikelihood.sub(kl);
            return perTask.mean().neg().div(constant(perTask, targets));
        }
    }

    /**
     * The training objective: for the CNP log p(y_T | x_T, context); for a latent model
     * log p(y_T | x_T, r, z) - KL(q(z | targets) || q(z | context)) with z ~ q(z | targets) drawn from
     * {@code noise} (the targets include the context).
     */
    Objective objective(ParameterStore store, Arrays data, NoiseSource noise, boolean training) {
        NDArray r = representation(store, data.xContext(), data.yContext(), data.xTarget(), training);
        NDArray z = null;
        NDArray kl = null;
        if (kind.hasLatentPath()) {
            Gaussian prior = latent(store, data.xContext(), data.yContext(), training);
            Gaussian posterior = latent(store, data.xTarget(), data.yTarget(), training);
            NDArray eps = noise.standardNormal(posterior.mean().getManager(), posterior.mean().getShape());
            z = posterior.draw(eps);
            kl = posterior.kl(prior);
        }
        Gaussian predictive = decode(store, data.xTarget(), r, z, training);
        NDArray logLikelihood = predictive.logDensity(data.yTarget()).sum(new int[] {1, 2});
        return new Objective(logLikelihood, kl, data.xTarget().getShape().get(1));
    }

    /**
     * The decoder's means and standard deviations for the targets of one context, for {@code draws} draws of
     * z ~ q(z | context) (one, without noise, for the CNP): flat (draws, targets, yDim) values.
     */
    float[][] predictive(ParameterStore store, NDArray xContext, NDArray yContext, NDArray xTarget, int draws,
            NoiseSource noise) {
        NDArray r = representation(store, xContext, yContext, xTarget, false);
        NDArray z = null;
        int n = 1;
        if (kind.hasLatentPath()) {
            n = draws;
            Gaussian prior = latent(store, xContext, yContext, false);
            NDArray eps = noise.standardNormal(r.getManager(), new Shape(draws, latentDim));
            z = prior.draw(eps);
        }
        Shape targetShape = xTarget.getShape();
        NDArray xs = xTarget.broadcast(n, targetShape.get(1), xDim);
        NDArray rs = r.broadcast(n, targetShape.get(1), r.getShape().get(2));
        Gaussian predictive = decode(store, xs, rs, z, false);
        return new float[][] {predictive.mean().toFloatArray(), predictive.sigma().toFloatArray()};
    }

    int yDim() {
        return yDim;
    }
}
