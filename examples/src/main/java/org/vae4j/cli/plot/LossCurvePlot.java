package org.vae4j.cli.plot;

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
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;

/**
 * Loss curves as a line chart against epochs: the training loss of every step (smoothed by an exponential
 * moving average), its mean per epoch, and the validation loss (minus the ELBO) per epoch.
 */
public final class LossCurvePlot {

    private LossCurvePlot() {}

    /** Weight of the running average on each new step loss. */
    private static final double SMOOTHING = 0.1;

    /**
     * Draws the curves into a PNG file.
     *
     * @param steps each step's position in epochs and its loss
     * @param history the per-epoch reports
     */
    public static void write(List<double[]> steps, TrainingHistory history, Path file) throws IOException {
        XYSeries perStep = new XYSeries("training loss (per step, smoothed)");
        double average = steps.get(0)[1];
        for (double[] step : steps) {
            average += SMOOTHING * (step[1] - average);
            perStep.add(step[0], average);
        }
        XYSeries train = new XYSeries("training loss (epoch mean)");
        XYSeries validation = new XYSeries("validation loss (-ELBO)");
        for (EpochReport e : history.epochs()) {
            train.add(e.epoch(), e.trainLoss());
            if (!Double.isNaN(e.validationElbo())) {
                validation.add(e.epoch(), -e.validationElbo());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(perStep);
        data.addSeries(train);
        if (validation.getItemCount() > 0) {
            data.addSeries(validation);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Loss curves", "epoch", "nats per row", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, new java.awt.Color(0x9ecae1));
        renderer.setSeriesPaint(1, new java.awt.Color(0x08519c));
        renderer.setSeriesPaint(2, new java.awt.Color(0xd62728));
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.getDomainAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        ImageGrid.write(chart.createBufferedImage(800, 500), file);
    }
}
