package org.vae4j.examples.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.vae4j.cli.plot.ImageGrid;

/**
 * One picture of every column's distribution, real against synthetic, in a grid: the share of rows per level
 * for a nominal column, per bin of {@value #BINS} equal bins over the real range for a numeric one (synthetic
 * values outside it fall in bins of their own at either end), missing cells as a last bar.
 */
public final class HistogramPicture {

    private static final int BINS = 20;
    private static final int CHART_WIDTH = 360;
    private static final int CHART_HEIGHT = 240;
    private static final int PER_ROW = 4;

    private HistogramPicture() {}

    /** Draws the grid into a PNG file. */
    public static void write(SynthTable real, SynthTable synthetic, Path file) throws IOException {
        int n = real.width();
        int rows = (n + PER_ROW - 1) / PER_ROW;
        BufferedImage image = new BufferedImage(Math.min(n, PER_ROW) * CHART_WIDTH, rows * CHART_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int c = 0; c < n; c++) {
            JFreeChart chart = chart(real, synthetic, c);
            g.drawImage(chart.createBufferedImage(CHART_WIDTH, CHART_HEIGHT), (c % PER_ROW) * CHART_WIDTH,
                    (c / PER_ROW) * CHART_HEIGHT, null);
        }
        g.dispose();
        ImageGrid.write(image, file);
    }

    private static JFreeChart chart(SynthTable real, SynthTable synthetic, int c) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String[] labels = labels(real, c);
        add(data, "real", shares(real.values()[c], real, c, labels.length), labels);
        add(data, "synthetic", shares(synthetic.values()[c], real, c, labels.length), labels);
        JFreeChart chart = ChartFactory.createBarChart(real.columns().get(c).name(), null, "share", data,
                PlotOrientation.VERTICAL, c == 0, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xff7f0e));
        renderer.setItemMargin(0);
        renderer.setShadowVisible(false);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setTickLabelsVisible(!real.isNumeric(c));
        axis.setCategoryMargin(0.05);
        return chart;
    }

    private static void add(DefaultCategoryDataset data, String series, double[] shares, String[] labels) {
        for (int k = 0; k < labels.length; k++) {
            data.addValue(shares[k], series, labels[k]);
        }
    }

    /** Bar labels: below range, the bins or levels, above range (numeric only), missing. */
    private static String[] labels(SynthTable real, int c) {
        int inner = real.isNumeric(c) ? BINS : Math.max(real.cardinality(c), 1) + 1;
        String[] labels = new String[real.isNumeric(c) ? inner + 3 : inner + 1];
        if (real.isNumeric(c)) {
            labels[0] = "below";
            for (int k = 0; k < BINS; k++) {
                labels[k + 1] = "bin " + (k + 1);
            }
            labels[BINS + 1] = "above";
        } else {
            List<String> levels = real.columns().get(c).levels();
            for (int k = 0; k < inner - 1; k++) {
                labels[k] = levels.isEmpty() ? Integer.toString(k) : levels.get(k);
            }
            labels[inner - 1] = "unseen";
        }
        labels[labels.length - 1] = "missing";
        return labels;
    }

    private static double[] shares(double[] values, SynthTable real, int c, int bars) {
        double[] shares = new double[bars];
        double[] observed = real.observed(c);
        double min = Arrays.stream(observed).min().orElse(0);
        double max = Arrays.stream(observed).max().orElse(0);
        for (double v : values) {
            int bar;
            if (Double.isNaN(v)) {
                bar = bars - 1;
            } else if (!real.isNumeric(c)) {
                bar = v >= 0 && v < bars - 2 && v == Math.rint(v) ? (int) v : bars - 2;
            } else if (v < min) {
                bar = 0;
            } else if (v > max) {
                bar = BINS + 1;
            } else {
                bar = 1 + (max > min ? Math.min(BINS - 1, (int) ((v - min) / (max - min) * BINS)) : 0);
            }
            shares[bar] += 1.0 / values.length;
        }
        return shares;
    }
}
