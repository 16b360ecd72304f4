package org.vae4j.cli.data;

import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;

/**
 * The height and width of images stored one per row, pixel by pixel.
 *
 * @param height rows of pixels
 * @param width columns of pixels
 */
public record ImageShape(int height, int width) {

    /** The smallest side that is drawn as a picture (8 x 8, as in the UCI digits). */
    private static final int MIN_SIDE = 8;

    /** Pixels per image. */
    public int pixels() {
        return height * width;
    }

    /**
     * The square shape of a schema whose columns are all numeric and whose count is a square of at least 64
     * (784 -> 28 x 28); null when the data do not look like images.
     */
    public static ImageShape guess(Schema schema) {
        int side = (int) Math.round(Math.sqrt(schema.width()));
        boolean numeric = schema.features().stream().allMatch(c -> c.type() == ColumnType.NUMERIC);
        return numeric && side >= MIN_SIDE && side * side == schema.width() ? new ImageShape(side, side) : null;
    }
}
