package org.vae4j.cli.plot;

import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;

/** The training loss and the validation loss (minus the ELBO) per epoch, as a line chart. */
public final class LossCurvePlot {

    private LossCurvePlot() {}

    /** Draws the curves of {@code history} into a PNG file. */
    public static void write(TrainingHistory history, Path file) throws IOException {
        XYSeries train = new XYSeries("training loss");
        XYSeries validation = new XYSeries("validation loss (-ELBO)");
        for (EpochReport e : history.epochs()) {
            train.add(e.epoch(), e.trainLoss());
            if (!Double.isNaN(e.validationElbo())) {
                validation.add(e.epoch(), -e.validationElbo());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(train);
        if (validation.getItemCount() > 0) {
            data.addSeries(validation);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Loss per epoch", "epoch", "nats per row", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.getDomainAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }
}
