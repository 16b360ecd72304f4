package org.vae4j.cli.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A scatter plot of posterior means, one colour per class: the latent dimensions themselves when there are
 * two, the first two principal components (labelled as such, with their share of variance) when there are
 * more, and z0 against the row number when there is one.
 */
public final class LatentMapPlot {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private LatentMapPlot() {}

    /**
     * Draws the map into a PNG file.
     *
     * @param means posterior means, one row per data row
     * @param labels each row's class index (-1 for none), or null when there are no classes
     * @param classNames the name of each class index (ignored without labels)
     */
    public static void write(double[][] means, int[] labels, List<String> classNames, Path file) throws IOException {
        int m = means[0].length;
        double[][] points;
        String title;
        String xLabel;
        String yLabel;
        if (m == 1) {
            points = new double[means.length][];
            for (int r = 0; r < means.length; r++) {
                points[r] = new double[] {means[r][0], r};
            }
            title = "Latent means (M = 1)";
            xLabel = "z0";
            yLabel = "row";
        } else if (m == 2) {
            points = means;
            title = "Latent means (M = 2)";
            xLabel = "z0";
            yLabel = "z1";
        } else {
            Pca pca = Pca.fit(means);
            points = pca.project(means);
            title = "Latent means: PCA projection of M = " + m + " dimensions";
            xLabel = String.format("PC1 (%.0f%% of variance)", 100 * pca.explained(0));
            yLabel = String.format("PC2 (%.0f%% of variance)", 100 * pca.explained(1));
        }
        XYSeriesCollection data = series(points, labels, classNames);
        JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                labels != null, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        plot.setRenderer(renderer);
        ImageGrid.write(chart.createBufferedImage(800, 700), file);
    }

    private static XYSeriesCollection series(double[][] points, int[] labels, List<String> classNames) {
        XYSeriesCollection data = new XYSeriesCollection();
        if (labels == null) {
            data.addSeries(fill(new XYSeries("rows", false), points, null, -1));
            return data;
        }
        for (int level = 0; level < classNames.size(); level++) {
            XYSeries s = fill(new XYSeries(classNames.get(level), false), points, labels, level);
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        }
        return data;
    }

    private static XYSeries fill(XYSeries s, double[][] points, int[] labels, int level) {
        for (int r = 0; r < points.length; r++) {
            if (labels == null || labels[r] == level) {
                s.add(points[r][0], points[r][1], false);
            }
        }
        return s;
    }
}
