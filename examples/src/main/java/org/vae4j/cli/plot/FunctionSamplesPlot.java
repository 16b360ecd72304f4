package org.vae4j.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Functions a model believes in, for one 1-D regression task: several sampled curves (a latent neural process's
 * decoder means under different draws of z), a reference curve with its +/- 2 standard deviation band (the exact
 * Gaussian-process posterior) and the context points the model was given.
 */
public final class FunctionSamplesPlot {

    private FunctionSamplesPlot() {}

    /**
     * Draws the plot into a PNG file.
     *
     * @param title the chart's title
     * @param grid the inputs the curves are drawn at, increasing
     * @param samples the sampled curves, each with one value per grid input
     * @param referenceMean the reference curve, one value per grid input
     * @param referenceSd the reference's standard deviation, one value per grid input
     * @param xContext the context inputs
     * @param yContext the context outputs
     */
    public static void write(String title, double[] grid, double[][] samples, double[] referenceMean,
            double[] referenceSd, double[] xContext, double[] yContext, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries context = new XYSeries("context");
        for (int i = 0; i < xContext.length; i++) {
            context.add(xContext[i], yContext[i]);
        }
        data.addSeries(context);
        XYSeries mean = new XYSeries("GP oracle mean");
        XYSeries upper = new XYSeries("GP oracle +/- 2 sd");
        XYSeries lower = new XYSeries("GP oracle - 2 sd");
        for (int i = 0; i < grid.length; i++) {
            mean.add(grid[i], referenceMean[i]);
            upper.add(grid[i], referenceMean[i] + 2 * referenceSd[i]);
            lower.add(grid[i], referenceMean[i] - 2 * referenceSd[i]);
        }
        data.addSeries(mean);
        data.addSeries(upper);
        data.addSeries(lower);
        for (int s = 0; s < samples.length; s++) {
            XYSeries curve = new XYSeries(s == 0 ? "model samples" : "sample " + (s + 1));
            for (int i = 0; i < grid.length; i++) {
                curve.add(grid[i], samples[s][i]);
            }
            data.addSeries(curve);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "x", "y", data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesPaint(1, new Color(0x2ca02c));
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        for (int series = 2; series <= 3; series++) {
            renderer.setSeriesPaint(series, new Color(0x98df8a));
            renderer.setSeriesStroke(series, new BasicStroke(1.5f));
        }
        renderer.setSeriesVisibleInLegend(3, false);
        Color sample = new Color(0x1f77b4);
        for (int s = 0; s < samples.length; s++) {
            renderer.setSeriesPaint(4 + s, new Color(sample.getRed(), sample.getGreen(), sample.getBlue(), 150));
            renderer.setSeriesStroke(4 + s, new BasicStroke(1.2f));
            renderer.setSeriesVisibleInLegend(4 + s, s == 0);
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ImageGrid.write(chart.createBufferedImage(900, 500), file);
    }
}
