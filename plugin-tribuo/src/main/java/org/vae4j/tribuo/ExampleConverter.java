package org.vae4j.tribuo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * Translates between Tribuo examples and the engine's {@link Table}: one numeric column per feature of
 * the training feature map, in feature-id order; for a VAE that models a regression target, then one
 * numeric column per dimension of the {@link Regressor} output, in name order (missing where an example's
 * output lacks the dimension, as an unknown output does); and for a conditional VAE the example's label as
 * the condition. Features the map does not know are ignored and counted; absent features become zero or
 * missing as {@link AbsentFeatures} says; an example with no known feature is rejected.
 */
final class ExampleConverter {

    private final ImmutableFeatureMap featureMap;
    private final AbsentFeatures absentFeatures;
    private final Schema schema;
    private final String[] featureNames;
    private final String[] targetNames;

    /**
     * @param featureMap the training features; their ids are the column indices
     * @param absentFeatures what an absent feature means
     * @param conditionLevels the labels of a conditional VAE in level order, or an empty list
     * @param targetNames the regression dimensions modelled as columns, in name order, or an empty list
     * @throws IllegalArgumentException naming a regression dimension that has a feature's name
     */
    ExampleConverter(ImmutableFeatureMap featureMap, AbsentFeatures absentFeatures, List<String> conditionLevels,
            List<String> targetNames) {
        this.featureMap = featureMap;
        this.absentFeatures = absentFeatures;
        this.featureNames = new String[featureMap.size()];
        this.targetNames = targetNames.toArray(new String[0]);
        List<Column> columns = new ArrayList<>(featureNames.length + this.targetNames.length);
        for (int id = 0; id < featureNames.length; id++) {
            featureNames[id] = featureMap.get(id).getName();
            columns.add(Column.numeric(featureNames[id]));
        }
        for (String target : targetNames) {
            if (featureMap.getID(target) >= 0) {
                throw new IllegalArgumentException("the regression dimension '" + target + "' has the name of a "
                        + "feature; rename one of them to model the target");
            }
            columns.add(Column.numeric(target));
        }
        Column condition = conditionLevels.isEmpty() ? null : Column.categorical("label", conditionLevels);
        this.schema = new Schema(columns, condition);
    }

    /** The engine schema these examples map to. */
    Schema schema() {
        return schema;
    }

    /** The feature names, in column order. */
    String[] featureNames() {
        return featureNames.clone();
    }

    /** Whether the table holds target columns after the features. */
    boolean modelsTarget() {
        return targetNames.length > 0;
    }

    /** The regression dimensions modelled as columns, in column order (empty if none). */
    String[] targetNames() {
        return targetNames.clone();
    }

    /** The feature values of a table row, without the target columns. */
    double[] features(double[] row) {
        return Arrays.copyOf(row, featureNames.length);
    }

    /** The target of a table row, a {@link Regressor} with the target columns' names and values. */
    Regressor target(double[] row) {
        return new Regressor(targetNames, Arrays.copyOfRange(row, featureNames.length, featureNames.length
                + targetNames.length));
    }

    /** Rows built from examples, with how many known features each example had. */
    record Rows(Table table, int[] knownFeatures) {}

    /**
     * The examples as table rows.
     *
     * @param unseen incremented once per feature the training data did not have
     * @throws IllegalArgumentException naming the example for one without known features, a value that
     *     is not finite, (conditional VAE) a label the model was not trained on, or (modelled target) an
     *     output that is not a {@link Regressor}
     */
    <T extends Output<T>> Rows toRows(Iterable<? extends Example<T>> examples, LongAdder unseen) {
        Table.Builder builder = Table.builder(schema);
        List<Integer> known = new ArrayList<>();
        int index = 0;
        for (Example<T> example : examples) {
            double[] row = new double[featureNames.length + targetNames.length];
            Arrays.fill(row, absentFeatures == AbsentFeatures.MISSING ? Double.NaN : 0.0);
            copyTarget(example, index, row);
            int count = 0;
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id < 0) {
                    unseen.increment();
                } else {
                    row[id] = feature.getValue();
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("example " + index + " has none of the " + featureNames.length
                        + " features the model was trained on (it has " + example.size() + " features)");
            }
            builder.addRow(row, conditionOf(example, index));
            known.add(count);
            index++;
        }
        return new Rows(builder.build(), known.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Writes the example's target into the target columns of {@code row}, missing for an absent dimension. */
    private void copyTarget(Example<?> example, int index, double[] row) {
        if (targetNames.length == 0) {
            return;
        }
        if (!(example.getOutput() instanceof Regressor target)) {
            throw new IllegalArgumentException("example " + index + ": a VAE that models a regression target "
                    + "needs Regressor outputs, got " + example.getOutput().getClass().getSimpleName());
        }
        for (int t = 0; t < targetNames.length; t++) {
            row[featureNames.length + t] = target.getDimension(targetNames[t])
                    .map(Regressor.DimensionTuple::getValue).orElse(Double.NaN);
        }
    }

    private int conditionOf(Example<?> example, int index) {
        if (!schema.isConditional()) {
            return -1;
        }
        String label = example.getOutput().getSerializableForm(false);
        Column condition = schema.condition().orElseThrow();
        int level = condition.levels().indexOf(label);
        if (level < 0) {
            throw new IllegalArgumentException("example " + index + ": a conditional VAE needs a known label, got '"
                    + label + "' (trained on " + condition.levels() + ")");
        }
        return level;
    }

    /** A dense example with the given features, output, weight and metadata. */
    static <T extends Output<T>> Example<T> example(T output, float weight, Map<String, Object> metadata,
            String[] names, double[] values) {
        Example<T> example = new ArrayExample<>(output, names, values, metadata);
        example.setWeight(weight);
        return example;
    }
}
