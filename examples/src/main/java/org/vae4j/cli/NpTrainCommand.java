package org.vae4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.vae4j.cli.data.ColumnTyping;
import org.vae4j.cli.data.Dataset;
import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.options.OptionValues;
import org.vae4j.preprocess.InputEncoding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vae4j np-train}: fits a neural-process regressor to a numeric target column of a CSV or ARFF file and
 * saves it; every other column (but those ignored) is an input. Rows whose target is missing are left out,
 * with a warning; missing inputs are set to the training mean (see {@link InputEncoding}).
 */
@Command(name = "np-train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a neural-process regressor on a numeric target column and save the model.",
        modelTransformer = NeuralProcessFlags.class)
final class NpTrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions data;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The numeric column to predict.")
    private String target;

    @Option(names = "--ignore", paramLabel = "COLUMN", split = ",", description = "Columns to leave out.")
    private List<String> ignored = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save the model.")
    private Path out;

    @Option(names = "--png", paramLabel = "band.png",
            description = "Draw the predictive mean and +/- 2 sigma band with the training rows (one numeric input only).")
    private Path png;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        OptionValues options = NeuralProcessFlags.values(spec);
        new OutputFiles().inputs("--data", data.files()).output("--out", out).output("--png", png).check();
        if (ignored.contains(target)) {
            throw new CliException("--target '" + target + "' is also given to --ignore; drop one of the two");
        }
        Dataset dataset = data.load(ColumnTyping.forTraining(Map.of(), new HashSet<>(ignored), null));
        dataset.warnings().forEach(w -> err.println("vae4j np-train: warning: " + w));
        TrainingRows rows = TrainingRows.of(dataset, target);
        if (png != null) {
            BandPicture.check(rows.features().schema());
        }
        if (rows.dropped() > 0) {
            err.printf("vae4j np-train: warning: %d rows with a missing '%s' are left out%n", rows.dropped(), target);
        }
        InputEncoding encoding = InputEncoding.fit(rows.features());
        err.printf("training on %s: %d rows, %d input columns, target '%s'%n", data.file, rows.y().length,
                rows.features().width(), target);
        try (NeuralProcessRegressor regressor = NeuralProcessFlags.naming(
                () -> NeuralProcessRegressor.fit(encoding.encode(rows.features()), rows.y(), options))) {
            new NeuralProcessModelFile(encoding, target, regressor.toBytes()).write(out);
            spec.commandLine().getOut().println("model: " + out);
            if (png != null) {
                BandPicture.write(regressor, encoding, rows.column(0), rows.targets(), "training rows", target, png);
                spec.commandLine().getOut().println("plot: " + png);
            }
        }
        return 0;
    }

    /** The training rows with a known target: the input columns as a table, and the target values. */
    record TrainingRows(Table features, double[][] y, int dropped) {

        /**
         * Splits a data set into inputs and target.
         *
         * @throws CliException when the target is not a column, not numeric, or never known, or no input is left
         */
        static TrainingRows of(Dataset dataset, String target) {
            if (dataset.columns().stream().noneMatch(c -> c.name().equals(target))) {
                throw new CliException("--target '" + target + "' is not a column of " + dataset.source()
                        + " (columns: " + Dataset.describe(dataset.columns()) + ")");
            }
            Column column = dataset.column(target);
            if (!column.levels().isEmpty()) {
                throw new CliException("--target '" + target + "' of " + dataset.source() + " is "
                        + column.type().name().toLowerCase(java.util.Locale.ROOT) + " (values "
                        + Dataset.describeNames(column.levels()) + "), not numeric: np-train predicts a number");
            }
            List<Column> inputs = dataset.columns().stream().filter(c -> !c.name().equals(target)).toList();
            if (inputs.isEmpty()) {
                throw new CliException(dataset.source() + ": no input columns besides the target '" + target + "'");
            }
            Table all = dataset.table(new Schema(inputs, null));
            Table y = dataset.table(new Schema(List.of(column), null));
            int[] known = IntStream.range(0, y.rows()).filter(r -> !y.isMissing(r, 0)).toArray();
            if (known.length < 2) {
                throw new CliException(dataset.source() + ": the target '" + target + "' is known in " + known.length
                        + " rows; a neural process needs at least 2");
            }
            double[][] targets = new double[known.length][1];
            for (int i = 0; i < known.length; i++) {
                targets[i][0] = y.value(known[i], 0);
            }
            return new TrainingRows(all.select(known), targets, y.rows() - known.length);
        }

        /** The values of input column {@code c}. */
        double[] column(int c) {
            return IntStream.range(0, features.rows()).mapToDouble(r -> features.value(r, c)).toArray();
        }

        /** The target values. */
        double[] targets() {
            return java.util.Arrays.stream(y).mapToDouble(row -> row[0]).toArray();
        }
    }
}
