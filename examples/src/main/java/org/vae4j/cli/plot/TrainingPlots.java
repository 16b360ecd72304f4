package org.vae4j.cli.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.vae4j.cli.data.ClassLabels;
import org.vae4j.cli.data.ImageShape;
import org.vae4j.cli.progress.StepLog;
import org.vae4j.data.Table;
import org.vae4j.vae.Vae;

/**
 * The pictures of a trained model, written into one folder: the loss curves ({@value #LOSS}), the latent map
 * ({@value #LATENT_MAP}) and, for image data, generated samples ({@value #SAMPLES}) and originals beside
 * their reconstructions ({@value #RECONSTRUCTIONS}).
 */
public final class TrainingPlots {

    /** File name of the loss curves. */
    public static final String LOSS = "loss.png";
    /** File name of the latent map. */
    public static final String LATENT_MAP = "latent-map.png";
    /** File name of the grid of generated images. */
    public static final String SAMPLES = "samples.png";
    /** File name of the originals beside their reconstructions. */
    public static final String RECONSTRUCTIONS = "reconstructions.png";
    /** The names of every picture that may be written. */
    public static final List<String> FILES = List.of(LOSS, LATENT_MAP, SAMPLES, RECONSTRUCTIONS);

    private static final int MAP_ROWS = 5000;
    private static final int GRID_COLUMNS = 10;
    private static final int PAIR_ROWS = 48;
    private static final int PAIR_COLUMNS = 6;

    private TrainingPlots() {}

    /**
     * Writes the pictures.
     *
     * @param steps the loss of each training step
     * @param table rows to map and reconstruct (at most {@value #MAP_ROWS}, spread evenly, are mapped)
     * @param labels the rows' classes for colouring, or null
     * @return the files written
     */
    public static List<Path> write(Vae vae, StepLog steps, Table table, ClassLabels labels, Path dir, long seed)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        if (!steps.points().isEmpty()) {
            Path loss = dir.resolve(LOSS);
            LossCurvePlot.write(steps.points(), vae.history(), loss);
            written.add(loss);
        }
        int[] rows = spread(table.rows(), MAP_ROWS);
        if (rows.length >= 2) {
            Path map = dir.resolve(LATENT_MAP);
            LatentMapPlot.write(vae.encode(table.select(rows)).mean(),
                    labels == null ? null : labels.select(rows).levels(),
                    labels == null ? List.of() : labels.names(), map);
            written.add(map);
        }
        ImageShape shape = ImageShape.guess(vae.schema());
        if (shape != null) {
            int scale = Math.max(1, 56 / Math.max(shape.height(), shape.width()));
            Path samples = dir.resolve(SAMPLES);
            ImageGrid.write(ImageGrid.grid(samples(vae, seed), 100, shape, GRID_COLUMNS, scale), samples);
            written.add(samples);
            Table originals = table.select(spread(table.rows(), PAIR_ROWS));
            BufferedImage left = ImageGrid.grid(originals, PAIR_ROWS, shape, PAIR_COLUMNS, scale);
            BufferedImage right = ImageGrid.grid(vae.reconstruct(originals), PAIR_ROWS, shape, PAIR_COLUMNS, scale);
            Path pairs = dir.resolve(RECONSTRUCTIONS);
            ImageGrid.write(ImageGrid.besideEachOther(left, "originals", right, "reconstructions"), pairs);
            written.add(pairs);
        }
        return written;
    }

    /**
     * Decoded draws from the prior: 100 of them, or for a conditional model ten per class (one class per
     * grid row, at most ten classes).
     */
    private static Table samples(Vae vae, long seed) {
        int classes = Math.min(GRID_COLUMNS, vae.schema().conditionCardinality());
        int n = vae.isConditional() ? classes * GRID_COLUMNS : GRID_COLUMNS * GRID_COLUMNS;
        Random random = new Random(seed);
        double[][] z = new double[n][vae.latentDim()];
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        int[] conditions = null;
        if (vae.isConditional()) {
            conditions = new int[n];
            for (int i = 0; i < n; i++) {
                conditions[i] = i / GRID_COLUMNS;
            }
        }
        return vae.decode(z, conditions);
    }

    /** At most {@code limit} row indices spread evenly over {@code rows}. */
    static int[] spread(int rows, int limit) {
        int n = Math.min(rows, limit);
        int[] picked = new int[n];
        for (int i = 0; i < n; i++) {
            picked[i] = (int) ((long) i * rows / n);
        }
        return picked;
    }
}
