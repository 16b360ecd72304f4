package org.vae4j.preprocess;

import java.nio.FloatBuffer;

import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * The numeric inputs a regressor reads, made from a table's feature columns with the fitted
 * {@link Preprocessor}: numeric columns standardised (mean 0, unit variance on the training rows), binary
 * columns as 0/1 and categorical columns as one-hot blocks. A missing cell becomes 0: the training mean of a
 * numeric column, no level of a categorical one. Adapters that give a regressor tabular data (Weka, Tribuo,
 * the command line) share this one encoding.
 */
public final class InputEncoding {

    /**
     * Every numeric column plainly standardised: a regressor reads its inputs, it never decodes them, so the
     * generative column models (modes, log scale) would only widen and change the inputs.
     */
    private static final ColumnTypes PLAIN_NUMBERS = ColumnTypes.parse("*:gaussian");

    private final Preprocessor preprocessor;

    /** The encoding with a fitted preprocessor (such as one rebuilt from saved means and scales). */
    public InputEncoding(Preprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    /**
     * The encoding fitted on training rows.
     *
     * @throws IllegalArgumentException if the table is empty
     */
    public static InputEncoding fit(Table table) {
        return new InputEncoding(Preprocessor.fit(table, NumericLikelihood.GAUSSIAN, true, PLAIN_NUMBERS));
    }

    /**
     * The encoding with the given per-column means and scales (as {@link #preprocessor()} gives them).
     *
     * @throws IllegalArgumentException if a mean or scale is not finite, a scale not positive, or there is not one
     *     per column
     */
    public static InputEncoding of(Schema schema, double[] means, double[] scales) {
        return new InputEncoding(new Preprocessor(schema, NumericLikelihood.GAUSSIAN, means, scales));
    }

    /** The fitted preprocessing: its schema, means and scales are what a saved encoding keeps. */
    public Preprocessor preprocessor() {
        return preprocessor;
    }

    /** The number of inputs per row. */
    public int width() {
        return preprocessor.layout().width();
    }

    /**
     * The encoded rows of {@code table}.
     *
     * @throws IllegalArgumentException if the table's columns differ from the fitted ones
     */
    public double[][] encode(Table table) {
        EncodedRows encoded = preprocessor.encode(table);
        FloatBuffer values = encoded.values().duplicate();
        double[][] rows = new double[encoded.rows()][encoded.width()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < encoded.width(); c++) {
                rows[r][c] = values.get(r * encoded.width() + c);
            }
        }
        return rows;
    }
}
