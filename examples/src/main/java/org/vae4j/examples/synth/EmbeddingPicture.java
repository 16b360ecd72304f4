package org.vae4j.examples.synth;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vae4j.cli.plot.ImageGrid;
import org.vae4j.cli.plot.Pca;

/**
 * Real and synthetic rows in two dimensions: each row one-hot encoded (a numeric column as its value, a nominal
 * column as one indicator per real level; missing cells as all zeros), every feature standardised by the real
 * rows' mean and standard deviation, and both projected on the first two principal components of the real rows.
 * Synthetic rows that cover the real cloud, and no more, look like the real data to a linear eye.
 */
public final class EmbeddingPicture {

    private EmbeddingPicture() {}

    /** Draws the map into a PNG file. */
    public static void write(SynthTable real, SynthTable synthetic, Path file) throws IOException {
        double[][] a = encode(real, real);
        double[][] b = encode(synthetic, real);
        standardise(a, b);
        Pca pca = Pca.fit(a);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("real", pca.project(a)));
        data.addSeries(series("synthetic", pca.project(b)));
        JFreeChart chart = ChartFactory.createScatterPlot("Real and synthetic rows: PCA of the standardised one-hot "
                + "rows", String.format("PC1 (%.0f%% of real variance)", 100 * pca.explained(0)),
                String.format("PC2 (%.0f%% of real variance)", 100 * pca.explained(1)), data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-2, -2, 4, 4));
        renderer.setSeriesPaint(0, new Color(31, 119, 180, 160));
        renderer.setSeriesPaint(1, new Color(255, 127, 14, 160));
        plot.setRenderer(renderer);
        ImageGrid.write(chart.createBufferedImage(800, 700), file);
    }

    /** The rows one-hot encoded in the reference's columns (a level beyond the real ones encodes as zeros). */
    static double[][] encode(SynthTable rows, SynthTable reference) {
        int width = 0;
        for (int c = 0; c < reference.width(); c++) {
            width += reference.isNumeric(c) ? 1 : reference.cardinality(c);
        }
        double[][] out = new double[rows.rows()][width];
        for (int r = 0; r < rows.rows(); r++) {
            int at = 0;
            for (int c = 0; c < reference.width(); c++) {
                double v = rows.value(r, c);
                if (reference.isNumeric(c)) {
                    out[r][at++] = Double.isNaN(v) ? Double.NaN : v;
                } else {
                    int k = reference.cardinality(c);
                    if (!Double.isNaN(v) && v >= 0 && v < k) {
                        out[r][at + (int) v] = 1;
                    }
                    at += k;
                }
            }
        }
        return out;
    }

    /** Standardises both by the first's features; a missing numeric value becomes the mean (0). */
    private static void standardise(double[][] real, double[][] other) {
        for (int j = 0; j < real[0].length; j++) {
            int n = 0;
            double sum = 0;
            double squares = 0;
            for (double[] row : real) {
                if (!Double.isNaN(row[j])) {
                    n++;
                    sum += row[j];
                    squares += row[j] * row[j];
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double sd = n < 2 ? 0 : Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)));
            for (double[][] table : new double[][][] {real, other}) {
                for (double[] row : table) {
                    row[j] = Double.isNaN(row[j]) ? 0 : (row[j] - mean) / (sd > 0 ? sd : 1);
                }
            }
        }
    }

    private static XYSeries series(String name, double[][] points) {
        XYSeries s = new XYSeries(name, false);
        for (double[] p : points) {
            s.add(p[0], p[1], false);
        }
        return s;
    }
}
