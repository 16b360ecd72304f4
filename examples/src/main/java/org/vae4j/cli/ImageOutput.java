package org.vae4j.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.vae4j.cli.data.ImageShape;
import org.vae4j.cli.plot.ImageGrid;
import org.vae4j.cli.plot.TraversalPlot;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.vae.LatentTraversal;

/**
 * The {@code --png} pictures of generate, reconstruct and traverse: rows drawn as a grid of images (tabular rows
 * of a traversal as small charts).
 */
final class ImageOutput {

    private static final int COLUMNS = 10;

    private ImageOutput() {}

    /**
     * The image shape of a model's rows, checked before any work is done.
     *
     * @throws CliException when the rows are not images
     */
    static ImageShape shapeOf(Schema schema) {
        ImageShape shape = ImageShape.guess(schema);
        if (shape == null) {
            throw new CliException("--png needs image data (a square number, at least 64, of numeric columns); "
                    + "this model has " + schema.width() + " columns");
        }
        return shape;
    }

    /** Writes the rows as a grid ten images wide. */
    static void write(Table rows, ImageShape shape, Path file) throws IOException {
        ImageGrid.write(ImageGrid.grid(rows, rows.rows(), shape, Math.min(COLUMNS, Math.max(1, rows.rows())),
                scale(shape)), file);
    }

    /**
     * Writes a traversal of a model's rows, one row per latent dimension: as images when the rows are
     * ({@link ImageShape#guess}), else as a chart per column.
     */
    static void writeTraversal(LatentTraversal traversal, Schema schema, Path file) throws IOException {
        ImageShape shape = ImageShape.guess(schema);
        ImageGrid.write(shape != null ? TraversalPlot.images(traversal, shape, scale(shape))
                : TraversalPlot.columns(traversal, schema), file);
    }

    /** How many screen pixels wide each image pixel is drawn: tiles of about 56 pixels. */
    private static int scale(ImageShape shape) {
        return Math.max(1, 56 / Math.max(shape.height(), shape.width()));
    }

    /** Writes originals beside their reconstructions. */
    static void writePairs(Table originals, Table reconstructions, ImageShape shape, Path file) throws IOException {
        int scale = scale(shape);
        int columns = Math.min(COLUMNS / 2, Math.max(1, originals.rows()));
        ImageGrid.write(ImageGrid.besideEachOther(
                ImageGrid.grid(originals, originals.rows(), shape, columns, scale), "originals",
                ImageGrid.grid(reconstructions, reconstructions.rows(), shape, columns, scale), "reconstructions"), file);
    }
}
