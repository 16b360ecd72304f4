package org.vae4j.np;

/**
 * Per-column standardisation fitted on training values: {@code (v - mean) / scale}, the scale being the
 * standard deviation (1 for a constant column, so that it maps to 0 rather than to infinity).
 */
final class ColumnScaling {

    private final double[] means;
    private final double[] scales;

    ColumnScaling(double[] means, double[] scales) {
        this.means = means.clone();
        this.scales = scales.clone();
    }

    /** The identity on {@code width} columns (data already in the network's units). */
    static ColumnScaling identity(int width) {
        double[] ones = new double[width];
        java.util.Arrays.fill(ones, 1);
        return new ColumnScaling(new double[width], ones);
    }

    /** The means and standard deviations of the columns of {@code rows} (checked, non-empty). */
    static ColumnScaling fit(double[][] rows) {
        int width = rows[0].length;
        double[] means = new double[width];
        double[] scales = new double[width];
        for (int j = 0; j < width; j++) {
            double sum = 0;
            for (double[] row : rows) {
                sum += row[j];
            }
            double mean = sum / rows.length;
            double squares = 0;
            for (double[] row : rows) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(squares / rows.length);
            means[j] = mean;
            scales[j] = sd > 0 && Double.isFinite(sd) ? sd : 1;
        }
        return new ColumnScaling(means, scales);
    }

    int width() {
        return means.length;
    }

    double[] means() {
        return means.clone();
    }

    double[] scales() {
        return scales.clone();
    }

    /** The rows standardised, flat row-major. */
    float[] standardize(double[][] rows) {
        int width = width();
        float[] flat = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < width; j++) {
                flat[r * width + j] = (float) ((rows[r][j] - means[j]) / scales[j]);
            }
        }
        return flat;
    }

    /** A standardised value of column {@code j} in the column's own units. */
    double restore(double value, int j) {
        return means[j] + scales[j] * value;
    }

    /** A variance in standardised units of column {@code j} in the column's own units. */
    double restoreVariance(double variance, int j) {
        return variance * scales[j] * scales[j];
    }
}
