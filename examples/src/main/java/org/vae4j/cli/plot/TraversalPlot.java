package org.vae4j.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

import org.vae4j.cli.data.ImageShape;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.vae.LatentTraversal;

/**
 * Draws a latent traversal with one row per latent dimension, labelled z0, z1, ... on the left. Image rows
 * become a row of tiles, one per step. Tabular rows become one small line chart per column, the decoded value
 * against the step; a column's charts share one vertical scale (printed under its name) so that the
 * dimensions that move it stand out.
 */
public final class TraversalPlot {

    /** Width of the column of z0, z1, ... labels. */
    public static final int LABEL_WIDTH = 32;
    /** Height of the column names and ranges above the charts of tabular rows. */
    public static final int HEADER_HEIGHT = 30;
    /** Width of one column's chart. */
    public static final int CHART_WIDTH = 90;
    /** Height of one column's chart. */
    public static final int CHART_HEIGHT = 40;
    private static final int GAP = 2;
    private static final int MARGIN = 4;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private TraversalPlot() {}

    /** The traversal of image rows: the tiles of each dimension's steps in one row, {@code scale} x each pixel. */
    public static BufferedImage images(LatentTraversal traversal, ImageShape shape, int scale) {
        Table rows = traversal.allRows();
        BufferedImage grid = ImageGrid.grid(rows, rows.rows(), shape, traversal.grid().steps(), scale);
        BufferedImage out = canvas(LABEL_WIDTH + grid.getWidth(), grid.getHeight());
        Graphics2D g = graphics(out);
        g.drawImage(grid, LABEL_WIDTH, 0, null);
        int tileHeight = shape.height() * scale + GAP;
        for (int d = 0; d < traversal.dimensions(); d++) {
            label(g, d, GAP + d * tileHeight, tileHeight);
        }
        g.dispose();
        return out;
    }

    /** The traversal of tabular rows of {@code schema}: a chart per dimension and column. */
    public static BufferedImage columns(LatentTraversal traversal, Schema schema) {
        int columns = schema.width();
        int dims = traversal.dimensions();
        BufferedImage out = canvas(LABEL_WIDTH + columns * (CHART_WIDTH + GAP) + GAP,
                HEADER_HEIGHT + dims * (CHART_HEIGHT + GAP) + GAP);
        Graphics2D g = graphics(out);
        FontMetrics metrics = g.getFontMetrics();
        for (int c = 0; c < columns; c++) {
            double[] range = range(traversal.allRows(), c);
            int x0 = LABEL_WIDTH + GAP + c * (CHART_WIDTH + GAP);
            g.setColor(Color.BLACK);
            g.drawString(fit(schema.column(c).name(), metrics), x0 + 2, 12);
            g.drawString(fit(String.format(Locale.ROOT, "%.3g..%.3g", range[0], range[1]), metrics), x0 + 2, 25);
            for (int d = 0; d < dims; d++) {
                chart(g, traversal.rows(d), c, range, x0, HEADER_HEIGHT + GAP + d * (CHART_HEIGHT + GAP));
            }
        }
        for (int d = 0; d < dims; d++) {
            label(g, d, HEADER_HEIGHT + GAP + d * (CHART_HEIGHT + GAP), CHART_HEIGHT);
        }
        g.dispose();
        return out;
    }

    /** One column's decoded values against the steps, in a box {@link #CHART_WIDTH} x {@link #CHART_HEIGHT}. */
    private static void chart(Graphics2D g, Table rows, int column, double[] range, int x0, int y0) {
        g.setColor(new Color(0xf2, 0xf2, 0xf2));
        g.fillRect(x0, y0, CHART_WIDTH, CHART_HEIGHT);
        int steps = rows.rows();
        int[] xs = new int[steps];
        int[] ys = new int[steps];
        double span = range[1] - range[0];
        for (int s = 0; s < steps; s++) {
            double v = span > 0 ? (rows.value(s, column) - range[0]) / span : 0.5;
            xs[s] = x0 + MARGIN + (int) Math.round(s * (CHART_WIDTH - 2.0 * MARGIN) / (steps - 1));
            ys[s] = y0 + CHART_HEIGHT - MARGIN - (int) Math.round(v * (CHART_HEIGHT - 2.0 * MARGIN));
        }
        g.setColor(new Color(0x08, 0x51, 0x9c));
        g.setStroke(new BasicStroke(1.5f));
        g.drawPolyline(xs, ys, steps);
    }

    /** The smallest and largest decoded value of a column over every dimension's steps. */
    private static double[] range(Table rows, int column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows.rows(); r++) {
            min = Math.min(min, rows.value(r, column));
            max = Math.max(max, rows.value(r, column));
        }
        return new double[] {min, max};
    }

    /** {@code text}, shortened with an ellipsis to fit a chart's width. */
    private static String fit(String text, FontMetrics metrics) {
        String shown = text;
        while (shown.length() > 1 && metrics.stringWidth(shown) > CHART_WIDTH - 4) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        return shown;
    }

    private static void label(Graphics2D g, int dimension, int y0, int height) {
        g.setColor(Color.BLACK);
        g.drawString("z" + dimension, 4, y0 + height / 2 + 4);
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(LABEL_FONT);
        return g;
    }
}
