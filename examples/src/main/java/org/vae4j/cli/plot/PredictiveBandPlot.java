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
 * A regressor's predictive distribution over one input: the predictive mean as a line, a shaded band of
 * +/- 2 standard deviations around it, and the data points drawn on top.
 */
public final class PredictiveBandPlot {

    private PredictiveBandPlot() {}

    /**
     * Draws the chart into a PNG file.
     *
     * @param grid the inputs the prediction was made at, increasing
     * @param mean the predictive mean at each grid input
     * @param sd the predictive standard deviation at each grid input
     * @param pointsX the inputs of the points to draw
     * @param pointsY their outputs
     * @param pointsLabel the legend of the points (such as "training rows")
     */
    public static void write(double[] grid, double[] mean, double[] sd, double[] pointsX, double[] pointsY,
            String pointsLabel, String xName, String yName, Path file) throws IOException {
        YIntervalSeries band = new YIntervalSeries("predictive mean +/- 2 sd");
        for (int i = 0; i < grid.length; i++) {
            band.add(grid[i], mean[i], mean[i] - 2 * sd[i], mean[i] + 2 * sd[i]);
        }
        XYSeries points = new XYSeries(pointsLabel, false, true);
        for (int i = 0; i < pointsX.length; i++) {
            points.add(pointsX[i], pointsY[i]);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Neural-process prediction", xName, yName,
                new YIntervalSeriesCollection(), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(0, new XYSeriesCollection(points));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, new Color(0x252525));
        plot.setRenderer(0, dots);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        plot.setDataset(1, bands);
        DeviationRenderer shaded = new DeviationRenderer(true, false);
        shaded.setSeriesPaint(0, new Color(0x08519c));
        shaded.setSeriesFillPaint(0, new Color(0x9ecae1));
        shaded.setSeriesStroke(0, new BasicStroke(2f));
        shaded.setAlpha(0.5f);
        plot.setRenderer(1, shaded);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ImageGrid.write(chart.createBufferedImage(800, 500), file);
    }
}
