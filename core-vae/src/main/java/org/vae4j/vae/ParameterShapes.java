package org.vae4j.vae;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.djl.nn.Parameter;

import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;
import org.vae4j.nn.GatedDense;
import org.vae4j.nn.HiddenLayer;

/**
 * The named parameter tensors a {@link VaeConfig} gives a VAE's networks, with their shapes, worked out
 * without allocating anything, and the one size check every path applies before allocating them: building a
 * configuration, building networks for a data set, and loading a model file. So {@code --hidden 100000}, or a
 * model file declaring such sizes, is refused with a message naming the option instead of attempting an
 * allocation of tens of gigabytes.
 */
public final class ParameterShapes {

    /**
     * The most bytes of float32 parameters one VAE may hold: 2 GiB, that is 536,870,912 parameters. Models
     * of real data sets are far smaller (a 784-400-20 image VAE has about 650,000).
     */
    public static final long MAX_PARAMETER_BYTES = 1L << 31;

    /**
     * One parameter tensor of the networks.
     *
     * @param name the name it has in model files, such as {@code encoder.layer0.weight}
     * @param option the option whose value sets its size (null for the Gaussian noise parameter, whose size
     *     the data alone sets)
     * @param shape its dimensions: (outputs, inputs) for a weight, (outputs) for a bias
     */
    record Tensor(String name, String option, long[] shape) {

        long elements() {
            return NamedTensor.elements(shape);
        }
    }

    private ParameterShapes() {}

    /**
     * The parameter tensors of the networks for data of the given encoded widths, in the order a model file
     * stores them: the guide's layers, the decoder's layers, then the Gaussian noise parameter if any.
     */
    static List<Tensor> of(VaeConfig config, long dataWidth, long conditionWidth, boolean maskInputs,
            long gaussianWidth) {
        long latent = config.latentDim();
        List<Tensor> tensors = new ArrayList<>();
        boolean gated = config.hiddenLayer() == HiddenLayer.GATED;
        addLayers(tensors, "encoder", dataWidth * (maskInputs ? 2 : 1) + conditionWidth,
                config.encoderHidden(), "encoderHidden", 2 * latent, "latentDim", gated);
        addLayers(tensors, "decoder", latent + conditionWidth, config.decoderHidden(), "decoderHidden", dataWidth,
                config.decoderHidden().isEmpty() ? "latentDim" : "decoderHidden", gated);
        if (gaussianWidth > 0) {
            tensors.add(new Tensor(VaeNetworks.GAUSSIAN_LOG_VARIANCE, null, new long[] {gaussianWidth}));
        }
        return tensors;
    }

    /** The names and shapes of built networks' parameters, in the order given. */
    static List<Tensor> of(Map<String, Parameter> named) {
        List<Tensor> tensors = new ArrayList<>(named.size());
        named.forEach((name, parameter) -> tensors.add(new Tensor(name, null,
                parameter.getArray().getShape().getShape())));
        return tensors;
    }

    /**
     * The weight and bias of each layer of a perceptron {@code in -> hidden... -> out}; a gated hidden layer
     * has two of each, its value's then its gate's.
     */
    private static void addLayers(List<Tensor> tensors, String network, long in, List<Integer> hidden,
            String hiddenOption, long out, String outputOption, boolean gated) {
        long width = in;
        for (int i = 0; i <= hidden.size(); i++) {
            boolean output = i == hidden.size();
            long next = output ? out : hidden.get(i);
            String option = output ? outputOption : hiddenOption;
            String layer = network + ".layer" + i;
            if (gated && !output) {
                addLinear(tensors, layer + "." + GatedDense.VALUE, option, next, width);
                addLinear(tensors, layer + "." + GatedDense.GATE, option, next, width);
            } else {
                addLinear(tensors, layer, option, next, width);
            }
            width = next;
        }
    }

    private static void addLinear(List<Tensor> tensors, String prefix, String option, long out, long in) {
        tensors.add(new Tensor(prefix + ".weight", option, new long[] {out, in}));
        tensors.add(new Tensor(prefix + ".bias", option, new long[] {out}));
    }

    /**
     * Checks that every tensor fits a Java array and that together they stay within
     * {@link #MAX_PARAMETER_BYTES}.
     *
     * @throws InvalidOptionException naming the option behind the tensor too large, or behind the largest one,
     *     and the size it would need
     */
    static void checkSize(List<Tensor> tensors) {
        long totalBytes = 0;
        Tensor largest = null;
        for (Tensor t : tensors) {
            long elements = elementsOrMax(t);
            if (elements > Integer.MAX_VALUE) {
                throw new InvalidOptionException(t.option(), "gives " + t.name() + " the shape "
                        + NamedTensor.describe(t.shape()) + ", " + describeCount(t.shape())
                        + " parameters: more than the " + Integer.MAX_VALUE + " one tensor can hold", null);
            }
            totalBytes += elements * Float.BYTES;
            if (largest == null || elements > largest.elements()) {
                largest = t;
            }
        }
        if (totalBytes > MAX_PARAMETER_BYTES) {
            throw new InvalidOptionException(largest.option(), "makes the networks need " + totalBytes
                    + " bytes of parameters (the largest tensor, " + largest.name() + ", has the shape "
                    + NamedTensor.describe(largest.shape()) + "): more than vae4j's limit of " + MAX_PARAMETER_BYTES
                    + " bytes (2 GiB)", null);
        }
    }

    /**
     * Checks a model file's tensors against the ones its configuration needs: the same names in the same
     * order, each of the expected shape (dtype and finiteness are checked as the file is read).
     *
     * @throws ModelFormatException naming the first tensor that differs, with the expected and the found shape
     */
    static void checkMatches(List<Tensor> expected, List<NamedTensor> found) {
        for (int i = 0; i < Math.max(expected.size(), found.size()); i++) {
            if (i >= found.size()) {
                throw new ModelFormatException("parameter " + expected.get(i).name() + " is missing (the "
                        + "configuration needs " + expected.size() + " tensors, the file has " + found.size() + ")");
            }
            NamedTensor f = found.get(i);
            if (i >= expected.size()) {
                throw new ModelFormatException("parameter " + f.name() + " is not part of the configured networks "
                        + "(they need " + expected.size() + " tensors, the file has " + found.size() + ")");
            }
            Tensor e = expected.get(i);
            if (!e.name().equals(f.name())) {
                throw new ModelFormatException("expected parameter " + e.name() + ", found " + f.name());
            }
            if (!Arrays.equals(e.shape(), f.shape())) {
                throw new ModelFormatException("parameter " + e.name() + ": expected shape "
                        + NamedTensor.describe(e.shape()) + " " + NamedTensor.DTYPE + ", found "
                        + NamedTensor.describe(f.shape()));
            }
        }
    }

    private static long elementsOrMax(Tensor t) {
        try {
            return t.elements();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String describeCount(long[] shape) {
        try {
            return Long.toString(NamedTensor.elements(shape));
        } catch (ArithmeticException e) {
            return "more than " + Long.MAX_VALUE;
        }
    }
}
