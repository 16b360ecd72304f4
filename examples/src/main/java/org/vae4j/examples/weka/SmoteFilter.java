package org.vae4j.examples.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Randomizable;
import weka.core.Utils;
import weka.filters.SimpleBatchFilter;
import weka.filters.SupervisedFilter;

/**
 * SMOTE, the synthetic minority over-sampling technique of Chawla, Bowyer, Hall and Kegelmeyer (2002), written
 * for the oversampling benchmark: every class with fewer instances than the largest is topped up to its size
 * with synthetic instances, each on the line segment between one of its real instances and one of that
 * instance's k nearest neighbours of the same class (k = 5 by default). The real instances take turns, in a
 * shuffled order, as the paper's N% oversampling does for N a multiple of 100.
 *
 * <p>Numeric attributes are interpolated with one gap in [0, 1] per synthetic instance, so each lies on the
 * segment the paper's text describes (its pseudo-code draws a gap per attribute). Nominal attributes follow
 * SMOTE-NC (section 6.1 of the paper): a differing value adds the median of the standard deviations of the
 * class's numeric attributes to the distance, and the synthetic instance takes the value most of the k
 * nearest neighbours have (ties go to the instance's own value, then to the first value). Numeric attributes
 * enter distances scaled to [0, 1] by their range in the batch; a missing value counts as the largest
 * difference, and a synthetic numeric value is missing only where both ends are. A class with a single
 * instance has no neighbour: its synthetic instances are copies of it. Later batches pass through unchanged,
 * so in a FilteredClassifier only the training folds are oversampled.
 */
public final class SmoteFilter extends SimpleBatchFilter implements SupervisedFilter, Randomizable {

    private static final long serialVersionUID = 1L;

    private int m_NearestNeighbors = 5;
    private int m_Seed = 1;

    @Override
    public String globalInfo() {
        return "SMOTE (Chawla et al. 2002) with SMOTE-NC's handling of nominal attributes: tops every class up to "
                + "the size of the largest with instances interpolated between an instance and one of its k "
                + "nearest neighbours of the same class.";
    }

    /** @param k the number of nearest neighbours of the same class to interpolate towards, at least 1 */
    public void setNearestNeighbors(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("nearest neighbours must be >= 1, got " + k);
        }
        m_NearestNeighbors = k;
    }

    /** @return the number of nearest neighbours of the same class */
    public int getNearestNeighbors() {
        return m_NearestNeighbors;
    }

    @Override
    public void setSeed(int seed) {
        m_Seed = seed;
    }

    @Override
    public int getSeed() {
        return m_Seed;
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capability.NOMINAL_ATTRIBUTES);
        result.enable(Capability.MISSING_VALUES);
        result.enable(Capability.NOMINAL_CLASS);
        return result;
    }

    @Override
    protected Instances determineOutputFormat(Instances inputFormat) {
        return new Instances(inputFormat, 0);
    }

    @Override
    protected Instances process(Instances instances) {
        if (isFirstBatchDone()) {
            return instances;
        }
        Instances output = new Instances(instances);
        int[] counts = instances.attributeStats(instances.classIndex()).nominalCounts;
        int target = Arrays.stream(counts).max().orElse(0);
        Random random = new Random(m_Seed);
        double[][] ranges = ranges(instances);
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && counts[c] < target) {
                output.addAll(synthesize(classRows(instances, c), target - counts[c], ranges, random));
            }
        }
        return output;
    }

    private static List<Instance> classRows(Instances instances, int c) {
        List<Instance> rows = new ArrayList<>();
        for (Instance row : instances) {
            if (!row.classIsMissing() && (int) row.classValue() == c) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** {@code n} synthetic instances of the class whose real instances are {@code rows}. */
    private List<Instance> synthesize(List<Instance> rows, int n, double[][] ranges, Random random) {
        Instances header = rows.get(0).dataset();
        double nominalPenalty = medianStandardDeviation(rows, ranges);
        int[][] neighbours = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            neighbours[i] = nearest(rows, i, ranges, nominalPenalty);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Instance> synthetic = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            int i = order.get(s % order.size());
            Instance row = rows.get(i);
            if (neighbours[i].length == 0) {
                synthetic.add(copyOf(row, header));
                continue;
            }
            Instance other = rows.get(neighbours[i][random.nextInt(neighbours[i].length)]);
            synthetic.add(between(row, other, random.nextDouble(), neighbours[i], rows, header));
        }
        return synthetic;
    }

    private static Instance copyOf(Instance row, Instances header) {
        Instance copy = new DenseInstance(1, row.toDoubleArray());
        copy.setDataset(header);
        return copy;
    }

    /** The instance at {@code gap} of the way from {@code row} to {@code other}, nominal values by vote. */
    private static Instance between(Instance row, Instance other, double gap, int[] neighbours, List<Instance> rows,
            Instances header) {
        double[] values = row.toDoubleArray();
        for (int a = 0; a < header.numAttributes(); a++) {
            Attribute attribute = header.attribute(a);
            if (a == header.classIndex()) {
                continue;
            }
            if (attribute.isNumeric()) {
                values[a] = interpolate(row.value(a), other.value(a), gap);
            } else {
                values[a] = vote(row, neighbours, rows, a, attribute.numValues());
            }
        }
        Instance synthetic = new DenseInstance(1, values);
        synthetic.setDataset(header);
        return synthetic;
    }

    private static double interpolate(double from, double to, double gap) {
        if (Utils.isMissingValue(from)) {
            return to;
        }
        if (Utils.isMissingValue(to)) {
            return from;
        }
        return from + gap * (to - from);
    }

    /** The value most of the neighbours have; ties go to the row's own value, then to the first value. */
    private static double vote(Instance row, int[] neighbours, List<Instance> rows, int attribute, int levels) {
        int[] votes = new int[levels];
        for (int j : neighbours) {
            double v = rows.get(j).value(attribute);
            if (!Utils.isMissingValue(v)) {
                votes[(int) v]++;
            }
        }
        double own = row.value(attribute);
        int best = Utils.isMissingValue(own) ? -1 : (int) own;
        for (int v = 0; v < levels; v++) {
            if (votes[v] > 0 && (best < 0 || votes[v] > votes[best])) {
                best = v;
            }
        }
        return best < 0 ? Utils.missingValue() : best;
    }

    /** The indices of the k nearest other rows to row {@code i} (fewer when the class is smaller). */
    private int[] nearest(List<Instance> rows, int i, double[][] ranges, double nominalPenalty) {
        Integer[] others = new Integer[rows.size() - 1];
        double[] distance = new double[rows.size()];
        for (int j = 0, o = 0; j < rows.size(); j++) {
            if (j != i) {
                others[o++] = j;
                distance[j] = squaredDistance(rows.get(i), rows.get(j), ranges, nominalPenalty);
            }
        }
        Arrays.sort(others, Comparator.comparingDouble(j -> distance[j]));
        return Arrays.stream(others).limit(m_NearestNeighbors).mapToInt(Integer::intValue).toArray();
    }

    /** Squared SMOTE-NC distance: scaled numeric differences, and the penalty for each differing nominal value. */
    static double squaredDistance(Instance x, Instance y, double[][] ranges, double nominalPenalty) {
        double sum = 0;
        for (int a = 0; a < x.numAttributes(); a++) {
            if (a == x.classIndex()) {
                continue;
            }
            double u = x.value(a);
            double v = y.value(a);
            if (x.attribute(a).isNumeric()) {
                double d = Utils.isMissingValue(u) || Utils.isMissingValue(v) ? 1
                        : scaled(u, ranges[a]) - scaled(v, ranges[a]);
                sum += d * d;
            } else if (Utils.isMissingValue(u) || Utils.isMissingValue(v) || u != v) {
                sum += nominalPenalty * nominalPenalty;
            }
        }
        return sum;
    }

    private static double scaled(double value, double[] range) {
        return range[1] > range[0] ? (value - range[0]) / (range[1] - range[0]) : 0;
    }

    /** Each numeric attribute's smallest and largest value in the batch (null for other attributes). */
    private static double[][] ranges(Instances instances) {
        double[][] ranges = new double[instances.numAttributes()][];
        for (int a = 0; a < instances.numAttributes(); a++) {
            if (instances.attribute(a).isNumeric() && a != instances.classIndex()) {
                double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (Instance row : instances) {
                    if (!row.isMissing(a)) {
                        range[0] = Math.min(range[0], row.value(a));
                        range[1] = Math.max(range[1], row.value(a));
                    }
                }
                ranges[a] = range;
            }
        }
        return ranges;
    }

    /**
     * SMOTE-NC's penalty for a differing nominal value: the median of the standard deviations of the scaled
     * numeric attributes within the class; 1 (the largest scaled difference) when there are none.
     */
    private static double medianStandardDeviation(List<Instance> rows, double[][] ranges) {
        List<Double> deviations = new ArrayList<>();
        for (int a = 0; a < ranges.length; a++) {
            if (ranges[a] == null) {
                continue;
            }
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (Instance row : rows) {
                if (!row.isMissing(a)) {
                    double v = scaled(row.value(a), ranges[a]);
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            if (n > 1) {
                deviations.add(Math.sqrt(Math.max(0, (squares - sum * sum / n) / (n - 1))));
            }
        }
        if (deviations.isEmpty()) {
            return 1;
        }
        Collections.sort(deviations);
        int mid = deviations.size() / 2;
        return deviations.size() % 2 == 1 ? deviations.get(mid) : (deviations.get(mid - 1) + deviations.get(mid)) / 2;
    }
}
