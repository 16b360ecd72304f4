package org.vae4j.vae;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ai.djl.nn.Parameter;

import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.Adam;
import org.vae4j.infer.TrainingStep;
import org.vae4j.io.ModelFormatException;
import org.vae4j.io.NamedTensor;

/**
 * The training state a checkpoint keeps beside a model's inference tensors, as the model file's training
 * tensors: the parameters of the procedure's training-only networks (FactorVAE's discriminator) and, for each
 * of its optimizers, the step count and the moments. Training resumed from them continues with the same
 * networks and optimizer state, where a model saved for inference would start them afresh.
 *
 * <p>A training-only parameter keeps its own name ({@code discriminator.layer0.weight}); optimizer {@code G}'s
 * step count is {@code optimizer.G.steps} and the moments of its parameter {@code P} are {@code optimizer.G.m.P}
 * and {@code optimizer.G.v.P}. The step count is stored as two float32 values, {@code steps / 65536} and
 * {@code steps % 65536}, each exact in a float.
 */
final class TrainingCheckpoint {

    private static final int HALF = 1 << 16;

    private TrainingCheckpoint() {}

    /** Receives each training tensor's name, shape and (on demand) values, in file order. */
    @FunctionalInterface
    private interface Sink {
        void accept(String name, long[] shape, Supplier<float[]> values);
    }

    /**
     * The training tensors of a running step.
     *
     * @param inference the guide's and the model's parameters by name, which the inference optimizer updates
     * @throws UnsupportedOperationException if the procedure does not name its optimizers (see
     *     {@link TrainingStep#optimizers()})
     */
    static List<NamedTensor> of(TrainingStep step, Map<String, Parameter> inference) {
        List<NamedTensor> tensors = new ArrayList<>();
        visit(step, inference, (name, shape, values) -> tensors.add(new NamedTensor(name, shape, values.get())));
        return tensors;
    }

    /**
     * Sets a freshly started step's training-only parameters and optimizers from a checkpoint's training
     * tensors.
     *
     * @throws ModelFormatException if the tensors are not those the step has (a model saved for inference has
     *     none; a checkpoint of another objective or size has others), naming the first that differs, or a step
     *     count is not a whole number of steps
     */
    static void restore(TrainingStep step, Map<String, Parameter> inference, List<NamedTensor> tensors) {
        if (tensors.isEmpty()) {
            throw new ModelFormatException("it holds no training state: it is a model saved for inference, not a "
                    + "checkpoint (write one while training with a checkpoint file)");
        }
        List<ParameterShapes.Tensor> expected = new ArrayList<>();
        visit(step, inference, (name, shape, values) -> expected.add(new ParameterShapes.Tensor(name, null, shape)));
        ParameterShapes.checkMatches(expected, tensors);
        Map<String, float[]> values = new HashMap<>();
        tensors.forEach(t -> values.put(t.name(), t.values()));
        step.trainingOnlyParameters().forEach((name, p) -> NativeArrays.overwrite(p.getArray(), values.get(name)));
        Map<String, Parameter> all = allParameters(step, inference);
        step.optimizers().forEach((group, adam) -> {
            String prefix = "optimizer." + group;
            List<String> names = adam.namesIn(all);
            float[][] first = new float[names.size()][];
            float[][] second = new float[names.size()][];
            for (int i = 0; i < names.size(); i++) {
                first[i] = values.get(prefix + ".m." + names.get(i));
                second[i] = values.get(prefix + ".v." + names.get(i));
            }
            adam.restore(steps(prefix + ".steps", values.get(prefix + ".steps")), first, second);
        });
    }

    private static void visit(TrainingStep step, Map<String, Parameter> inference, Sink sink) {
        step.trainingOnlyParameters().forEach((name, p) -> sink.accept(name, p.getArray().getShape().getShape(),
                () -> p.getArray().toFloatArray()));
        Map<String, Parameter> all = allParameters(step, inference);
        step.optimizers().forEach((group, adam) -> {
            String prefix = "optimizer." + group;
            int steps = adam.steps();
            sink.accept(prefix + ".steps", new long[] {2}, () -> new float[] {steps / HALF, steps % HALF});
            List<String> names = adam.namesIn(all);
            // Copied once per optimizer, when the first moment is asked for (never when only shapes are).
            float[][][][] copied = new float[1][][][];
            Supplier<float[][][]> moments = () -> copied[0] != null ? copied[0] : (copied[0] = adam.moments());
            for (int kind = 0; kind < 2; kind++) {
                for (int i = 0; i < names.size(); i++) {
                    int k = kind;
                    int slot = i;
                    sink.accept(prefix + (kind == 0 ? ".m." : ".v.") + names.get(i),
                            all.get(names.get(i)).getArray().getShape().getShape(),
                            () -> moments.get()[k][slot]);
                }
            }
        });
    }

    private static Map<String, Parameter> allParameters(TrainingStep step, Map<String, Parameter> inference) {
        Map<String, Parameter> all = new HashMap<>(inference);
        all.putAll(step.trainingOnlyParameters());
        return all;
    }

    private static int steps(String name, float[] halves) {
        float high = halves[0];
        float low = halves[1];
        if (!(high >= 0 && high < HALF / 2 && low >= 0 && low < HALF && high == Math.rint(high)
                && low == Math.rint(low))) {
            throw new ModelFormatException("tensor " + name + ": (" + high + ", " + low + ") is not a step count");
        }
        return (int) high * HALF + (int) low;
    }
}
