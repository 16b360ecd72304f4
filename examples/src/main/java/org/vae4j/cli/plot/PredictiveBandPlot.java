package org.vae4j.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A predictive distribution over one input: its mean as a line in a shaded band of +/- 2 standard deviations,
 * optionally curves drawn over it (such as a latent neural process's functions under several draws of z), and
 * data points on top. The command line draws a regressor's prediction with it, the neural-process benchmark a
 * model's sampled functions over the exact Gaussian-process posterior.
 */
public final class PredictiveBandPlot {

    private PredictiveBandPlot() {}

    /**
     * Draws the chart into a PNG file.
     *
     * @param title the chart's title
     * @param grid the inputs the band and curves are given at, increasing
     * @param mean the band's mean at each grid input
     * @param sd the band's standard deviation at each grid input
     * @param bandLabel the legend of the band (such as "predictive mean +/- 2 sd")
     * @param curves further curves, each with one value per grid input (none for a plain band)
     * @param curvesLabel the legend of the curves
     * @param pointsX the inputs of the points to draw
     * @param pointsY their outputs
     * @param pointsLabel the legend of the points (such as "training rows")
     */
    public static void write(String title, double[] grid, double[] mean, double[] sd, String bandLabel,
            double[][] curves, String curvesLabel, double[] pointsX, double[] pointsY, String pointsLabel,
            String xName, String yName, Path file) throws IOException {
        YIntervalSeries band = new YIntervalSeries(bandLabel);
        for (int i = 0; i < grid.length; i++) {
            band.add(grid[i], mean[i], mean[i] - 2 * sd[i], mean[i] + 2 * sd[i]);
        }
        XYSeries points = new XYSeries(pointsLabel, false, true);
        for (int i = 0; i < pointsX.length; i++) {
            points.add(pointsX[i], pointsY[i]);
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        for (int c = 0; c < curves.length; c++) {
            XYSeries curve = new XYSeries(c == 0 ? curvesLabel : curvesLabel + " " + (c + 1));
            for (int i = 0; i < grid.length; i++) {
                curve.add(grid[i], curves[c][i]);
            }
            lines.addSeries(curve);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xName, yName, new YIntervalSeriesCollection(),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(0, new XYSeriesCollection(points));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, new Color(0x252525));
        plot.setRenderer(0, dots);
        plot.setDataset(1, lines);
        XYLineAndShapeRenderer curveLines = new XYLineAndShapeRenderer(true, false);
        for (int c = 0; c < curves.length; c++) {
            curveLines.setSeriesPaint(c, new Color(0xd9, 0x5f, 0x02, 160));
            curveLines.setSeriesStroke(c, new BasicStroke(1.2f));
            curveLines.setSeriesVisibleInLegend(c, c == 0);
        }
        plot.setRenderer(1, curveLines);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        plot.setDataset(2, bands);
        DeviationRenderer shaded = new DeviationRenderer(true, false);
        shaded.setSeriesPaint(0, new Color(0x08519c));
        shaded.setSeriesFillPaint(0, new Color(0x9ecae1));
        shaded.setSeriesStroke(0, new BasicStroke(2f));
        shaded.setAlpha(0.5f);
        plot.setRenderer(2, shaded);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ImageGrid.write(chart.createBufferedImage(800, 500), file);
    }
}
