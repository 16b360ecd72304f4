package org.vae4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.vae4j.cli.data.ColumnTyping;
import org.vae4j.cli.data.CsvOutput;
import org.vae4j.cli.data.DataLoader;
import org.vae4j.cli.data.Dataset;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.np.Prediction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vae4j np-predict}: the predictive mean and standard deviation of the target for every row of a data
 * file, from a model saved by {@code np-train} (whose training rows are the context). When the file has the
 * target column, the mean log predictive density of its known values is printed as well.
 */
@Command(name = "np-predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict a numeric target with a neural-process model saved by np-train.")
final class NpPredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by np-train.")
    private Path modelFile;

    @Mixin
    private DataOptions data;

    @Option(names = "--out", paramLabel = "predictions.csv",
            description = "Write each row's predictive mean and standard deviation as CSV (TARGET_mean, TARGET_sd).")
    private Path out;

    @Option(names = "--png", paramLabel = "band.png",
            description = "Draw the predictive mean and +/- 2 sigma band with the rows (one numeric input only).")
    private Path png;

    @Override
    public Integer call() throws Exception {
        OutputFiles files = new OutputFiles().input("--model", modelFile).inputs("--data", data.files())
                .output("--png", png);
        if (out != null) {
            files.csvOutput("--out", out, "np-predict");
        }
        files.check();
        NeuralProcessModelFile model = NeuralProcessModelFile.read(modelFile);
        Schema features = model.features();
        if (png != null) {
            BandPicture.check(features);
        }
        String target = model.target();
        boolean hasTarget = DataLoader.columnNames(data.file, data.format).contains(target);
        Dataset dataset = data.loadFor(hasTarget ? withTarget(features, target) : features, null);
        Table inputs = dataset.table(features);
        double[] truth = hasTarget ? targetValues(dataset, target) : null;
        try (NeuralProcessRegressor regressor = model.regressor()) {
            Prediction prediction = regressor.predict(model.encoding().encode(inputs));
            if (out != null) {
                CsvOutput.write(out, List.of(target + "_mean", target + "_sd"), csv -> {
                    for (int r = 0; r < prediction.rows(); r++) {
                        csv.row(List.of(Double.toString(prediction.mean()[r][0]),
                                Double.toString(prediction.standardDeviation(r, 0))));
                    }
                });
                spec.commandLine().getOut().printf("predictions: %s (%d rows)%n", out, prediction.rows());
            }
            if (truth != null) {
                report(prediction, truth, target);
            }
            if (png != null) {
                double[] xs = IntStream.range(0, inputs.rows()).mapToDouble(r -> inputs.value(r, 0)).toArray();
                double[] ys = truth != null ? truth : IntStream.range(0, inputs.rows())
                        .mapToDouble(r -> prediction.mean()[r][0]).toArray();
                BandPicture.write(regressor, model.encoding(), xs, ys, truth != null ? "rows of " + data.file
                        : "predicted means of " + data.file, target, png);
                spec.commandLine().getOut().println("plot: " + png);
            }
        }
        return 0;
    }

    /** The model's input columns and the target as a numeric column, for reading a file that holds both. */
    private static Schema withTarget(Schema features, String target) {
        List<Column> columns = new ArrayList<>(features.features());
        columns.add(Column.numeric(target));
        return new Schema(columns, null);
    }

    /** The target's values (read as numbers: a cell that is not one is a data error), NaN where missing. */
    private static double[] targetValues(Dataset dataset, String target) {
        Table values = dataset.table(new Schema(List.of(dataset.column(target)), null));
        return IntStream.range(0, values.rows())
                .mapToDouble(r -> values.isMissing(r, 0) ? Double.NaN : values.value(r, 0)).toArray();
    }

    /** Prints the RMSE and the mean log predictive density over the rows whose target is known. */
    private void report(Prediction prediction, double[] truth, String target) {
        List<Integer> known = new ArrayList<>();
        for (int r = 0; r < truth.length; r++) {
            if (!Double.isNaN(truth[r])) {
                known.add(r);
            }
        }
        if (known.isEmpty()) {
            return;
        }
        double squared = 0;
        for (int r : known) {
            double error = prediction.mean()[r][0] - truth[r];
            squared += error * error;
        }
        double[] logDensity = new Prediction(known.stream().map(r -> prediction.mean()[r]).toArray(double[][]::new),
                known.stream().map(r -> prediction.variance()[r]).toArray(double[][]::new))
                .logDensity(known.stream().map(r -> new double[] {truth[r]}).toArray(double[][]::new));
        double meanLogDensity = java.util.Arrays.stream(logDensity).average().orElse(Double.NaN);
        spec.commandLine().getOut().printf("'%s' known in %d rows: RMSE %.6g, mean log predictive density %.6g nats%n",
                target, known.size(), Math.sqrt(squared / known.size()), meanLogDensity);
    }
}
