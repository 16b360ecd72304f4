package org.vae4j.examples.dsprites;

/**
 * The three dSprites shapes, each a region of the sprite's own frame: u to the right, v up, the shape
 * fitting the square [-1, 1] x [-1, 1] that the sprite's scale and orientation then place in the image.
 */
public enum SpriteShape {

    /** The full square [-1, 1] x [-1, 1]: symmetric under quarter turns. */
    SQUARE {
        @Override
        boolean contains(double u, double v) {
            return Math.abs(u) <= 1 && Math.abs(v) <= 1;
        }
    },

    /** An ellipse twice as wide as it is high: symmetric under half turns only. */
    ELLIPSE {
        @Override
        boolean contains(double u, double v) {
            return u * u + 4 * v * v <= 1;
        }
    },

    /**
     * A heart, point down: the region (x^2 + y^2 - 1)^3 <= x^2 y^3, which spans x in about [-1.14, 1.14] and
     * y in [-1, 1.24], shrunk and shifted into the unit square. Mirror-symmetric about the vertical axis, and
     * not symmetric under half turns.
     */
    HEART {
        @Override
        boolean contains(double u, double v) {
            double x = u * HEART_SPAN;
            double y = v * HEART_SPAN + HEART_SHIFT;
            double r = x * x + y * y - 1;
            return r * r * r <= x * x * y * y * y;
        }
    };

    private static final double HEART_SPAN = 1.15;
    private static final double HEART_SHIFT = 0.1;

    /** Whether the point (u, v) of the sprite's frame lies in the shape. */
    abstract boolean contains(double u, double v);
}
