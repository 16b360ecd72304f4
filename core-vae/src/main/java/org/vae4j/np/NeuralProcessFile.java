package org.vae4j.np;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeArrays;
import org.vae4j.io.ComponentEntry;
import org.vae4j.io.ModelContents;
import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;
import org.vae4j.options.OptionValues;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.TrainingHistory;

/**
 * A neural-process regressor in the vae4j model file ({@link org.vae4j.io.ModelFile}): the options and the
 * family ({@value NeuralProcessRegressor#FAMILY}) in the configuration, the model as the one component, the
 * input columns {@code x1..} and output columns {@code y1..} as the schema, their standardisation as the
 * preprocessing, and the kept context rows (standardised) beside the parameters as tensors. A file is untrusted:
 * the family, every option, the dimensions, the standardisation and every tensor's name and shape are checked
 * against what the options describe before any engine memory is allocated.
 */
final class NeuralProcessFile {

    /** The component kind the manifest records the model under. */
    static final String COMPONENT_KIND = "neural-process";
    /** The layout version of the networks' parameters. */
    static final int LAYOUT_VERSION = 1;
    private static final String INPUT_DIM = "inputDim";
    private static final String OUTPUT_DIM = "outputDim";
    private static final String CONTEXT_X = "context.x";
    private static final String CONTEXT_Y = "context.y";
    /** The most input or output columns a file may declare. */
    private static final int MAX_COLUMNS = 1 << 16;

    private NeuralProcessFile() {}

    /** The regressor's model-file contents. */
    static ModelContents contents(NeuralProcessRegressor regressor) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(NeuralProcessRegressor.FAMILY_KEY, NeuralProcessRegressor.FAMILY);
        config.put(INPUT_DIM, Integer.toString(regressor.inputDim()));
        config.put(OUTPUT_DIM, Integer.toString(regressor.outputDim()));
        config.putAll(regressor.options().toTextMap());
        List<NamedTensor> tensors = new ArrayList<>();
        Map<String, long[]> shapes = regressor.architecture().shapes();
        regressor.parameterValues().forEach((name, values) -> tensors.add(new NamedTensor(name, shapes.get(name),
                values)));
        tensors.add(new NamedTensor(CONTEXT_X, new long[] {regressor.contextRows(), regressor.inputDim()},
                regressor.contextX()));
        tensors.add(new NamedTensor(CONTEXT_Y, new long[] {regressor.contextRows(), regressor.outputDim()},
                regressor.contextY()));
        ComponentEntry model = new ComponentEntry(COMPONENT_KIND, regressor.kind().name().toLowerCase(
                java.util.Locale.ROOT), LAYOUT_VERSION, Map.of());
        return new ModelContents(config, List.of(model), schema(regressor.inputDim(), regressor.outputDim()),
                NumericLikelihood.GAUSSIAN, concat(regressor.xScaling().means(), regressor.yScaling().means()),
                concat(regressor.xScaling().scales(), regressor.yScaling().scales()), List.of(), false, new double[0],
                TrainingHistory.empty(), tensors, List.of());
    }

    private static Schema schema(int xDim, int yDim) {
        List<Column> columns = new ArrayList<>();
        for (int j = 1; j <= xDim; j++) {
            columns.add(Column.numeric("x" + j));
        }
        for (int j = 1; j <= yDim; j++) {
            columns.add(Column.numeric("y" + j));
        }
        return Schema.of(columns);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Builds a regressor from a model file's contents, checking everything first.
     *
     * @throws ModelFormatException saying what does not fit
     */
    static NeuralProcessRegressor build(ModelContents contents) {
        Map<String, String> config = new HashMap<>(contents.config());
        if (!NeuralProcessRegressor.FAMILY.equals(config.remove(NeuralProcessRegressor.FAMILY_KEY))) {
            throw new ModelFormatException("the model file does not hold a neural process (it is another vae4j "
                    + "model, such as a VAE)");
        }
        int xDim = dimension(config.remove(INPUT_DIM), INPUT_DIM);
        int yDim = dimension(config.remove(OUTPUT_DIM), OUTPUT_DIM);
        OptionValues options;
        NeuralProcessNetwork.Architecture architecture;
        try {
            options = NeuralProcessOptions.parse(config);
            architecture = NeuralProcessRegressor.architecture(options, xDim, yDim);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model file's options are invalid: " + e.getMessage(), e);
        }
        String component = architecture.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (contents.components().size() != 1 || !contents.components().get(0).kind().equals(COMPONENT_KIND)
                || !contents.components().get(0).id().equals(component)
                || contents.components().get(0).version() != LAYOUT_VERSION) {
            throw new ModelFormatException("the model file's manifest does not name the " + component
                    + " neural process of layout version " + LAYOUT_VERSION + " its options describe");
        }
        if (!contents.schema().equals(schema(xDim, yDim))) {
            throw new ModelFormatException("the model file's columns do not match its " + xDim + " inputs and "
                    + yDim + " outputs");
        }
        ColumnScaling xScaling = scaling(contents, 0, xDim);
        ColumnScaling yScaling = scaling(contents, xDim, yDim);
        Map<String, NamedTensor> tensors = new LinkedHashMap<>();
        for (NamedTensor t : contents.parameters()) {
            tensors.put(t.name(), t);
        }
        NamedTensor contextX = tensors.remove(CONTEXT_X);
        NamedTensor contextY = tensors.remove(CONTEXT_Y);
        int contextRows = contextRows(contextX, contextY, xDim, yDim,
                options.intValue(NeuralProcessOptions.MAX_CONTEXT.name()));
        Map<String, long[]> expected = architecture.shapes();
        if (!tensors.keySet().equals(expected.keySet())) {
            throw new ModelFormatException("the model file's parameters " + tensors.keySet() + " are not the "
                    + expected.keySet() + " its options describe");
        }
        expected.forEach((name, shape) -> {
            if (!Arrays.equals(shape, tensors.get(name).shape())) {
                throw new ModelFormatException("parameter " + name + " has shape "
                        + NamedTensor.describe(tensors.get(name).shape()) + ", expected " + NamedTensor.describe(shape));
            }
        });
        DeviceChoice choice = DeviceChoice.valueOf(
                options.text(NeuralProcessOptions.DEVICE.name()).toUpperCase(java.util.Locale.ROOT));
        // A model trained on a GPU still loads on a machine without one.
        Device device = Engines.resolve(choice == DeviceChoice.GPU ? DeviceChoice.AUTO : choice);
        NDManager manager = Engines.pytorch().newBaseManager(device);
        try {
            NeuralProcessNetwork network = Engines.withoutGradients(() -> NeuralProcessNetwork.create(architecture,
                    manager, new Random(0)));
            Map<String, Parameter> named = network.named();
            tensors.forEach((name, t) -> NativeArrays.overwrite(named.get(name).getArray(), t.values()));
            return new NeuralProcessRegressor(options, architecture, xScaling, yScaling, contextX.values(),
                    contextY.values(), contextRows, manager, network);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private static int dimension(String text, String key) {
        try {
            int value = Integer.parseInt(text == null ? "" : text);
            if (value >= 1 && value <= MAX_COLUMNS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelFormatException("the model file's " + key + " is '" + text + "', not a count in [1, "
                + MAX_COLUMNS + "]");
    }

    private static ColumnScaling scaling(ModelContents contents, int from, int width) {
        double[] means = contents.means();
        double[] scales = contents.scales();
        if (means.length != contents.schema().width() || scales.length != means.length) {
            throw new ModelFormatException("the model file has " + means.length + " means and " + scales.length
                    + " scales for " + contents.schema().width() + " columns");
        }
        for (int j = from; j < from + width; j++) {
            if (!Double.isFinite(means[j]) || !(scales[j] > 0) || !Double.isFinite(scales[j])) {
                throw new ModelFormatException("the model file's standardisation of column "
                        + contents.schema().column(j).name() + " (mean " + means[j] + ", scale " + scales[j]
                        + ") is not a finite mean and a finite scale > 0");
            }
        }
        return new ColumnScaling(Arrays.copyOfRange(means, from, from + width),
                Arrays.copyOfRange(scales, from, from + width));
    }

    private static int contextRows(NamedTensor x, NamedTensor y, int xDim, int yDim, int maxContext) {
        if (x == null || y == null) {
            throw new ModelFormatException("the model file has no context tensors " + CONTEXT_X + " and "
                    + CONTEXT_Y);
        }
        long[] xs = x.shape();
        long[] ys = y.shape();
        if (xs.length != 2 || ys.length != 2 || xs[0] != ys[0] || xs[1] != xDim || ys[1] != yDim
                || xs[0] > maxContext) {
            throw new ModelFormatException("the model file's context tensors have shapes " + NamedTensor.describe(xs)
                    + " and " + NamedTensor.describe(ys) + ", expected (rows, " + xDim + ") and (rows, " + yDim
                    + ") with at most maxContext = " + maxContext + " rows");
        }
        return (int) xs[0];
    }
}
