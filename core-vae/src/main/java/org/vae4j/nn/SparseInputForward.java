package org.vae4j.nn;

import java.util.List;
import java.util.Optional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.MeasuredChoice;
import org.vae4j.engine.NativeKernels;

/**
 * Inference through a perceptron whose input has many exact zeros (image pixels, one-hot levels): the
 * first fully connected layer, by far the largest product, can be computed by
 * {@link NativeKernels#sparseLinear}, which skips the zeros, and the remaining blocks by the engine.
 *
 * <p>Whether skipping zeros pays depends on the CPU, not only on the input: against the engine's dense
 * product it wins on some CPU families and loses on others (whose BLAS is faster, at the same density).
 * So the path is chosen by measurement ({@link MeasuredChoice}): the first batch of each layer shape and
 * density class runs both ways a few times, and later batches of that kind take the faster one, for the
 * rest of the process. Both give the network's output to float rounding; the dense product is the network's
 * own, bit for bit, and it is kept unless the kernel is clearly faster.
 *
 * <p>Built for one batch of inference calls: it keeps a transposed copy of the first layer's weight, made
 * when it is built, so it must not outlive a change of the weights (training).
 */
public final class SparseInputForward implements AutoCloseable {

    /** Rows read to estimate an input's density. */
    private static final long DENSITY_SAMPLE_ROWS = 64;
    /** Below this many rows a batch is neither measured nor sent to the kernel: too small to time or gain. */
    private static final long MIN_ROWS = 64;

    /**
     * Sparse kernel (first) or the engine's dense product (second, the reference), per layer shape and
     * density class; the kernel must be 10% faster to be chosen.
     */
    private static final MeasuredChoice<LayerWork> FIRST_LAYER = new MeasuredChoice<>(System::nanoTime, 2, 0.1);

    /** A kind of first-layer work: its shape, and the input's density in tenths. */
    record LayerWork(long in, long out, int densityTenths) {}

    private final Block network;
    private final Block first;
    private final List<Block> rest;
    private final ParameterStore parameters;
    private final NDManager manager;
    private final NDArray transposedWeight;
    private final NDArray bias;

    private SparseInputForward(Block network, Block first, List<Block> rest, ParameterStore parameters,
            NDManager manager, NDArray transposedWeight, NDArray bias) {
        this.network = network;
        this.first = first;
        this.rest = rest;
        this.parameters = parameters;
        this.manager = manager;
        this.transposedWeight = transposedWeight;
        this.bias = bias;
    }

    /**
     * A sparse-input forward pass for {@code network}, or empty where the kernel cannot serve it: no
     * AVX-512 or no native kernels, not a sequence that starts with a biased {@link Linear} layer, or
     * weights that are not CPU floats. Call with gradient recording off.
     *
     * @param manager owns the transposed weight copy; closing the result frees it
     */
    public static Optional<SparseInputForward> of(Block network, ParameterStore parameters, NDManager manager) {
        if (!NativeKernels.sparseLinearAvailable() || !(network instanceof SequentialBlock sequence)
                || sequence.getChildren().isEmpty() || !(sequence.getChildren().get(0).getValue() instanceof Linear first)) {
            return Optional.empty();
        }
        NDArray weight = first.getParameters().get("weight").getArray();
        Parameter biasParameter = first.getParameters().get("bias");
        if (biasParameter == null || !NativeKernels.canWorkOn(weight)
                || !NativeKernels.canWorkOn(biasParameter.getArray())) {
            return Optional.empty();
        }
        Shape shape = weight.getShape(); // (out, in)
        NDArray transposed;
        try (NDScope scope = new NDScope()) {
            // reshape(-1) of the transposed view makes a contiguous copy, in the order the kernel reads;
            // the scope frees the intermediate views, which the engine attaches to the weight's manager
            transposed = weight.transpose().reshape(-1).reshape(shape.get(1), shape.get(0));
            NDScope.unregister(transposed);
        }
        NDManager owner = manager.newSubManager();
        transposed.attach(owner);
        NDArray bias = biasParameter.getArray();
        List<Block> rest = sequence.getChildren().values().subList(1, sequence.getChildren().size());
        return Optional.of(new SparseInputForward(network, first, rest, parameters, owner, transposed, bias));
    }

    /** The network's output for {@code input} (rows x in, CPU floats). */
    public NDArray forward(NDArray input) {
        long rows = input.getShape().get(0);
        if (input.getDataType() != DataType.FLOAT32 || rows < MIN_ROWS || !NativeKernels.canWorkOn(input)) {
            return network.forward(parameters, new NDList(input), false).singletonOrThrow();
        }
        LayerWork work = new LayerWork(transposedWeight.getShape().get(0), transposedWeight.getShape().get(1),
                (int) Math.round(density(input) * 10));
        NDArray hidden = FIRST_LAYER.run(work, () -> sparseFirstLayer(input), () -> denseFirstLayer(input),
                NDArray::close);
        NDList activations = new NDList(hidden);
        for (Block block : rest) {
            activations = block.forward(parameters, activations, false);
        }
        return activations.singletonOrThrow();
    }

    /** Which way {@code work} was found faster: true for the kernel, false for the dense product, null if not yet. */
    static Boolean choiceFor(LayerWork work) {
        return FIRST_LAYER.choiceFor(work);
    }

    /** The first layer by the kernel; by the engine where the kernel lacks native memory for its row lists. */
    private NDArray sparseFirstLayer(NDArray input) {
        long rows = input.getShape().get(0);
        long in = transposedWeight.getShape().get(0);
        long out = transposedWeight.getShape().get(1);
        NDArray hidden = input.getManager().create(new Shape(rows, out));
        if (NativeKernels.sparseLinear(NativeKernels.storageOf(input), NativeKernels.storageOf(transposedWeight),
                NativeKernels.storageOf(bias), NativeKernels.storageOf(hidden), rows, in, out)) {
            return hidden;
        }
        hidden.close();
        return denseFirstLayer(input);
    }

    private NDArray denseFirstLayer(NDArray input) {
        return first.forward(parameters, new NDList(input), false).singletonOrThrow();
    }

    private static double density(NDArray input) {
        long rows = Math.min(DENSITY_SAMPLE_ROWS, input.getShape().get(0));
        NDArray sample = input.get(new NDIndex(":{}", rows));
        return sample.countNonzero().getLong() / (double) Math.max(1, sample.size());
    }

    @Override
    public void close() {
        manager.close();
    }
}
