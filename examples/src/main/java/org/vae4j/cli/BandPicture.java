package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.vae4j.cli.plot.PredictiveBandPlot;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.np.Prediction;
import org.vae4j.preprocess.InputEncoding;

/**
 * The {@code --png} of {@code np-train} and {@code np-predict}: for a model with one numeric input, its
 * predictive mean and +/- 2 sigma band over the range of the given points (and a tenth beyond each end), with
 * the points drawn on top.
 */
final class BandPicture {

    private static final int GRID = 200;

    private BandPicture() {}

    /**
     * Checks that the model's inputs can be drawn, before any work is done.
     *
     * @throws CliException unless the model has exactly one numeric input column
     */
    static void check(Schema features) {
        if (features.width() != 1 || features.column(0).type() != ColumnType.NUMERIC) {
            throw new CliException("--png draws the prediction over one numeric input column; this model has "
                    + features.width() + " input columns (" + String.join(", ", features.features().stream()
                            .map(c -> c.name() + ": " + c.type().name().toLowerCase(java.util.Locale.ROOT))
                            .toList()) + ")");
        }
    }

    /** Draws the band over the range of {@code xs} with the points (xs, ys) into {@code file}. */
    static void write(NeuralProcessRegressor regressor, InputEncoding encoding, double[] xs, double[] ys,
            String pointsLabel, String target, Path file) throws IOException {
        Schema features = encoding.preprocessor().schema();
        double low = Arrays.stream(xs).min().orElse(0);
        double high = Arrays.stream(xs).max().orElse(1);
        double pad = high > low ? 0.1 * (high - low) : 1;
        double[] grid = new double[GRID];
        Table.Builder rows = Table.builder(features, GRID);
        for (int i = 0; i < GRID; i++) {
            grid[i] = low - pad + (high - low + 2 * pad) * i / (GRID - 1);
            rows.addRow(new double[] {grid[i]});
        }
        Prediction prediction = regressor.predict(encoding.encode(rows.build()));
        double[] mean = new double[GRID];
        double[] sd = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            mean[i] = prediction.mean()[i][0];
            sd[i] = prediction.standardDeviation(i, 0);
        }
        PredictiveBandPlot.write("Neural-process prediction", grid, mean, sd, "predictive mean +/- 2 sd", new double[0][],
                "", xs, ys, pointsLabel, features.column(0).name(), target, file);
    }
}
