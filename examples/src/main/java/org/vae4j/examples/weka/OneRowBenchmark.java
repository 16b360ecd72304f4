package org.vae4j.examples.weka;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.VariationalAutoencoder;

/**
 * Measures the per-row cost of the VAE filter's one-row path: after the first batch, Weka pushes every
 * instance through the filter on its own (FilteredClassifier at prediction time, {@code -b} batch mode).
 * Prints microseconds per row for that path and for filtering the same rows as one batch.
 *
 * <p>Usage: {@code OneRowBenchmark <data.arff> [rows to time] [filter options]}; defaults 5000 and
 * {@code -E 20}.
 */
public final class OneRowBenchmark {

    private OneRowBenchmark() {}

    /** Trains the filter on the data, then times both paths on its rows. */
    public static void main(String[] args) throws Exception {
        Instances data = ArffArgument.dataOrExit(args, "OneRowBenchmark <data.arff> [rows to time] [filter options]");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        VariationalAutoencoder filter = new VariationalAutoencoder();
        filter.setOptions(Utils.splitOptions(args.length > 2 ? args[2] : "-E 20"));
        filter.setInputFormat(data);
        Filter.useFilter(data, filter);

        timeOneRow(filter, data, Math.min(rows, 500));
        double perRow = timeOneRow(filter, data, rows);
        long start = System.nanoTime();
        int batches = Math.max(1, rows / data.numInstances());
        for (int b = 0; b < batches; b++) {
            filter.input(data);
            while (filter.output() != null) {
                // drain the batch
            }
        }
        double batchPerRow = (System.nanoTime() - start) / 1e3 / (batches * (double) data.numInstances());
        System.out.printf("%s: %d rows x %d attributes, %s%n", data.relationName(), data.numInstances(),
                data.numAttributes(), Utils.joinOptions(filter.getOptions()));
        System.out.printf("one-row path: %.1f us/row (%d rows)%n", perRow, rows);
        System.out.printf("whole batch:  %.1f us/row (%d batches of %d)%n", batchPerRow, batches,
                data.numInstances());
    }

    private static double timeOneRow(VariationalAutoencoder filter, Instances data, int rows) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            Instance row = data.instance(i % data.numInstances());
            filter.input(row);
            filter.output();
        }
        return (System.nanoTime() - start) / 1e3 / rows;
    }
}
