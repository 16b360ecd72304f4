package org.vae4j.weka;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * How a Weka header maps onto a vae4j {@link Schema}, in both directions. Numeric and date attributes
 * become numeric columns, two-valued nominal attributes binary columns and other nominal attributes
 * categorical columns, each keeping its level names; Weka's missing values become missing cells, which
 * the VAE's likelihood skips. The class attribute is either left out (it is copied, not modelled) or,
 * for a conditional VAE, becomes the condition.
 */
public final class InstancesSchema implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Instances header;
    private final int[] features;
    private final boolean conditional;
    private transient Schema schema;

    private InstancesSchema(Instances header, int[] features, boolean conditional) {
        this.header = new Instances(header, 0);
        this.features = features;
        this.conditional = conditional;
        this.schema = buildSchema();
    }

    /**
     * Enables the attribute capabilities of this mapping: numeric, date and nominal attributes, with missing
     * values.
     */
    public static void enableAttributes(Capabilities capabilities) {
        capabilities.enable(Capability.NUMERIC_ATTRIBUTES);
        capabilities.enable(Capability.DATE_ATTRIBUTES);
        capabilities.enable(Capability.NOMINAL_ATTRIBUTES);
        capabilities.enable(Capability.MISSING_VALUES);
    }

    /**
     * The schema of every attribute except the class (if one is set).
     *
     * @throws IllegalArgumentException for an attribute type the VAE cannot model, or no attribute left
     */
    public static InstancesSchema unconditional(Instances header) {
        return new InstancesSchema(header, featureIndices(header), false);
    }

    /**
     * The schema of every attribute except the class, conditioned on the (nominal) class.
     *
     * @throws IllegalArgumentException if no nominal class with at least two values is set
     */
    public static InstancesSchema conditional(Instances header) {
        Attribute cls = header.classIndex() < 0 ? null : header.classAttribute();
        if (cls == null || !cls.isNominal() || cls.numValues() < 2) {
            throw new IllegalArgumentException("a conditional VAE needs a nominal class attribute with at least "
                    + "two values; got " + (cls == null ? "no class" : "class '" + cls.name() + "'"));
        }
        return new InstancesSchema(header, featureIndices(header), true);
    }

    /**
     * The Weka header of a vae4j schema: its features in order, then the condition (if any) as the class.
     *
     * @param relationName the relation name of the header
     */
    public static InstancesSchema of(Schema schema, String relationName) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (Column c : schema.features()) {
            attributes.add(toAttribute(c));
        }
        schema.condition().ifPresent(c -> attributes.add(toAttribute(c)));
        Instances header = new Instances(relationName, attributes, 0);
        if (schema.isConditional()) {
            header.setClassIndex(attributes.size() - 1);
        }
        return new InstancesSchema(header, featureIndices(header), schema.isConditional());
    }

    private static Attribute toAttribute(Column c) {
        if (c.type() == ColumnType.NUMERIC) {
            return new Attribute(c.name());
        }
        List<String> levels = c.levels().isEmpty() ? List.of("0", "1") : c.levels();
        return new Attribute(c.name(), new ArrayList<>(levels));
    }

    private static int[] featureIndices(Instances header) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < header.numAttributes(); i++) {
            if (i == header.classIndex()) {
                continue;
            }
            Attribute a = header.attribute(i);
            if (!a.isNumeric() && !a.isNominal()) {
                throw new IllegalArgumentException("attribute '" + a.name() + "' is of type "
                        + Attribute.typeToString(a) + ": only numeric, date and nominal attributes can be modelled");
            }
            indices.add(i);
        }
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("the data has no attribute to model besides the class");
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    private Schema buildSchema() {
        List<Column> columns = new ArrayList<>(features.length);
        for (int index : features) {
            columns.add(toColumn(header.attribute(index)));
        }
        return new Schema(columns, conditional ? toColumn(header.classAttribute()) : null);
    }

    private static Column toColumn(Attribute a) {
        if (a.isNumeric()) {
            return Column.numeric(a.name());
        }
        List<String> levels = Collections.list(a.enumerateValues()).stream().map(Object::toString).toList();
        return switch (levels.size()) {
            case 0, 1 -> Column.binary(a.name());
            case 2 -> Column.binary(a.name(), levels.get(0), levels.get(1));
            default -> Column.categorical(a.name(), levels);
        };
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        schema = buildSchema();
    }

    /** The vae4j schema. */
    public Schema schema() {
        return schema;
    }

    /** The Weka header this schema was made from (no rows). */
    public Instances header() {
        return new Instances(header, 0);
    }

    /** The Weka indices of the modelled attributes, in schema order. */
    public int[] features() {
        return features.clone();
    }

    /**
     * The rows of {@code data} as a table: missing values become missing cells, nominal values level
     * indices, and for a conditional schema the class value the condition.
     *
     * @param data rows with this schema's header (the rows of a later batch included)
     * @param firstRowNumber the number users know the first row by (1 for a whole data set), used in messages
     * @throws IllegalArgumentException naming the row and attribute when a row does not fit the header, a
     *     nominal value was not among the first batch's values, a number is not finite or beyond float
     *     range, or (conditional) the class is missing
     */
    public Table toTable(Instances data, int firstRowNumber) {
        return table(data, firstRowNumber, false);
    }

    /**
     * The rows of a training data set as a table, as {@link #toTable} makes it, except that a conditional
     * schema leaves out the rows whose class is missing (the caller can count them from the table's
     * size). Messages number rows by their place in {@code data}, counted from 1.
     */
    public Table trainingTable(Instances data) {
        return table(data, 1, conditional);
    }

    private Table table(Instances data, int firstRowNumber, boolean skipMissingClass) {
        Table.Builder builder = Table.builder(schema, data.numInstances());
        for (int r = 0; r < data.numInstances(); r++) {
            Instance row = data.instance(r);
            if (skipMissingClass && row.isMissing(header.classIndex())) {
                continue;
            }
            int number = firstRowNumber + r;
            builder.addRow(values(row, number), conditional ? condition(row, number) : -1);
        }
        return builder.build();
    }

    private double[] values(Instance row, int number) {
        if (row.numAttributes() != header.numAttributes()) {
            throw new IllegalArgumentException("row " + number + " has " + row.numAttributes() + " attributes but "
                    + "the data the VAE was trained on has " + header.numAttributes() + ": wrong header");
        }
        double[] values = new double[features.length];
        for (int c = 0; c < features.length; c++) {
            int index = features[c];
            Attribute a = header.attribute(index);
            double v = row.isMissing(index) ? Double.NaN : row.value(index);
            if (a.isNominal() && !Double.isNaN(v)) {
                checkLevel(a, v, number);
            }
            if (a.isNumeric() && !Double.isNaN(v) && !(Math.abs(v) <= Float.MAX_VALUE)) {
                throw new IllegalArgumentException("row " + number + ", attribute '" + a.name() + "': value " + v
                        + " is not a finite number within float range (+-" + Float.MAX_VALUE
                        + "), which the VAE computes in; mark unknown values missing");
            }
            values[c] = v;
        }
        return values;
    }

    private int condition(Instance row, int number) {
        int index = header.classIndex();
        if (row.isMissing(index)) {
            throw new IllegalArgumentException("row " + number + ": the class '" + header.classAttribute().name()
                    + "' is missing; a conditional VAE needs it");
        }
        return checkLevel(header.classAttribute(), row.value(index), number);
    }

    private static int checkLevel(Attribute a, double v, int number) {
        if (v < 0 || v >= a.numValues() || v != Math.rint(v)) {
            throw new IllegalArgumentException("row " + number + ", attribute '" + a.name() + "': value index "
                    + v + " is not one of the " + a.numValues() + " values seen in training " + levelsOf(a));
        }
        return (int) v;
    }

    private static List<String> levelsOf(Attribute a) {
        return Collections.list(a.enumerateValues()).stream().map(Object::toString).toList();
    }

    /**
     * Writes the feature values of one table row into a Weka value array laid out like the header: level
     * indices for nominal attributes, numbers for numeric ones, missing values for missing cells and for
     * nominal attributes without values (which can only ever be missing).
     */
    public void copyFeatures(Table table, int row, double[] target) {
        double[] decimals = table.decimalRow(row);
        for (int c = 0; c < features.length; c++) {
            Attribute a = header.attribute(features[c]);
            boolean valueless = a.isNominal() && a.numValues() == 0;
            double v = table.isMissing(row, c) || valueless ? Utils.missingValue() : table.value(row, c);
            if (a.isNominal() && !Utils.isMissingValue(v)) {
                v = Math.min(v, a.numValues() - 1);
            } else if (a.isNumeric() && !Utils.isMissingValue(v)) {
                v = decimals[c];
            }
            target[features[c]] = v;
        }
    }

    /**
     * The rows of a table (generated or decoded) as Weka instances of this header; the class is set from
     * the table's condition (conditional) or left missing.
     */
    public Instances toInstances(Table table) {
        Instances out = new Instances(header, table.rows());
        for (int r = 0; r < table.rows(); r++) {
            double[] values = new double[header.numAttributes()];
            Arrays.fill(values, Utils.missingValue());
            copyFeatures(table, r, values);
            if (conditional) {
                values[header.classIndex()] = table.condition(r);
            }
            out.add(new DenseInstance(1, values));
        }
        return out;
    }
}
