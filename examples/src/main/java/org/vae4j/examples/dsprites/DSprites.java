package org.vae4j.examples.dsprites;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;

import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * The dSprites data set (Matthey et al. 2017, the data of the beta-VAE and FactorVAE papers), drawn here
 * rather than downloaded: 64 x 64 binary images of one white sprite whose five factors are known: shape
 * (square, ellipse, heart), scale (6 values from 0.5 to 1), orientation (40 values from 0 to 2 pi, both
 * ends included as in the original, so the first and last orientation draw the same image), and x and y
 * position (32 values each from 0 to 1): 737,280 combinations.
 *
 * <p>The geometry is this class's own (the original's renderer is not published): at scale 1 the square is
 * 20 pixels wide, the ellipse 20 x 10 and the heart about 20 x 20; the sprite turns about its centre,
 * counter-clockwise as seen; positions 0 to 1 put the centre at pixels 16 to 48, so every sprite stays
 * inside the image. A pixel is 1 when its centre lies in the sprite. Everything is deterministic.
 *
 * <p>Factors are given as level indices in the order {@link #SHAPE}, {@link #SCALE}, {@link #ORIENTATION},
 * {@link #POS_X}, {@link #POS_Y}, and combinations are numbered as in the original file (y position
 * fastest).
 */
public final class DSprites {

    /** Image side in pixels. */
    public static final int SIDE = 64;
    /** Pixels per image. */
    public static final int PIXELS = SIDE * SIDE;
    /** The most images one table holds (its direct buffer is at most 2 GiB). */
    public static final int MAX_TABLE_IMAGES = Integer.MAX_VALUE / (PIXELS * Float.BYTES);
    /** Factor index of the shape ({@link SpriteShape} ordinal). */
    public static final int SHAPE = 0;
    /** Factor index of the scale. */
    public static final int SCALE = 1;
    /** Factor index of the orientation. */
    public static final int ORIENTATION = 2;
    /** Factor index of the x position. */
    public static final int POS_X = 3;
    /** Factor index of the y position. */
    public static final int POS_Y = 4;

    private static final int[] LEVELS = {3, 6, 40, 32, 32};
    private static final String[] NAMES = {"shape", "scale", "orientation", "posX", "posY"};
    /** Half the side of the square at scale 1, in pixels. */
    private static final double HALF_SIZE = 10;
    /** The sprite centre's distance from the image border at position 0. */
    private static final double MARGIN = 16;

    private DSprites() {}

    /** The number of factors. */
    public static int factors() {
        return LEVELS.length;
    }

    /** The number of levels of a factor. */
    public static int levels(int factor) {
        return LEVELS[factor];
    }

    /** The name of a factor. */
    public static String name(int factor) {
        return NAMES[factor];
    }

    /** The number of factor combinations (737,280). */
    public static int combinations() {
        int n = 1;
        for (int levels : LEVELS) {
            n *= levels;
        }
        return n;
    }

    /** The factor levels of combination {@code index} (0 to {@link #combinations()} - 1). */
    public static int[] factorsOf(int index) {
        if (index < 0 || index >= combinations()) {
            throw new IllegalArgumentException("combination " + index + " is outside 0.." + (combinations() - 1));
        }
        int[] factors = new int[LEVELS.length];
        for (int k = LEVELS.length - 1; k >= 0; k--) {
            factors[k] = index % LEVELS[k];
            index /= LEVELS[k];
        }
        return factors;
    }

    /** The scale of a scale level: 0.5 to 1 in equal steps. */
    public static double scale(int level) {
        return 0.5 + 0.5 * level / (LEVELS[SCALE] - 1);
    }

    /** The angle in radians of an orientation level: 0 to 2 pi in equal steps, both included. */
    public static double angle(int level) {
        return 2 * Math.PI * level / (LEVELS[ORIENTATION] - 1);
    }

    /** The position in [0, 1] of a position level. */
    public static double position(int level) {
        return (double) level / (LEVELS[POS_X] - 1);
    }

    /**
     * The image of one factor combination, pixels 0 or 1, row-major.
     *
     * @throws IllegalArgumentException naming the factor whose level is out of range
     */
    public static float[] image(int[] factors) {
        float[] out = new float[PIXELS];
        render(factors, FloatBuffer.wrap(out));
        return out;
    }

    /**
     * Draws a sprite with factor values rather than levels, for values between the grid's.
     *
     * @param scale the sprite's scale (1: the square is 20 pixels wide)
     * @param angle the counter-clockwise turn in radians
     * @param posX the centre's x position in [0, 1]
     * @param posY the centre's y position in [0, 1] (0: top)
     * @return pixels 0 or 1, row-major
     * @throws IllegalArgumentException for a scale that is not a positive number
     */
    public static float[] draw(SpriteShape shape, double scale, double angle, double posX, double posY) {
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("scale must be a positive number, got " + scale);
        }
        float[] out = new float[PIXELS];
        draw(shape, scale, angle, posX, posY, FloatBuffer.wrap(out));
        return out;
    }

    private static void draw(SpriteShape shape, double scale, double angle, double posX, double posY,
            FloatBuffer out) {
        double centreX = MARGIN + posX * (SIDE - 2 * MARGIN);
        double centreY = MARGIN + posY * (SIDE - 2 * MARGIN);
        double cos = Math.cos(angle) / (scale * HALF_SIZE);
        double sin = Math.sin(angle) / (scale * HALF_SIZE);
        for (int row = 0; row < SIDE; row++) {
            double up = centreY - (row + 0.5);
            for (int col = 0; col < SIDE; col++) {
                double right = col + 0.5 - centreX;
                // the pixel turned back by the sprite's angle, in the sprite's unit frame
                double u = cos * right + sin * up;
                double v = cos * up - sin * right;
                out.put(shape.contains(u, v) ? 1f : 0f);
            }
        }
    }

    private static void render(int[] factors, FloatBuffer out) {
        if (factors.length != LEVELS.length) {
            throw new IllegalArgumentException("dSprites has " + LEVELS.length + " factors, got " + factors.length);
        }
        for (int k = 0; k < LEVELS.length; k++) {
            if (factors[k] < 0 || factors[k] >= LEVELS[k]) {
                throw new IllegalArgumentException("factor " + NAMES[k] + ": level " + factors[k] + " is outside 0.."
                        + (LEVELS[k] - 1));
            }
        }
        draw(SpriteShape.values()[factors[SHAPE]], scale(factors[SCALE]), angle(factors[ORIENTATION]),
                position(factors[POS_X]), position(factors[POS_Y]), out);
    }

    /**
     * The images of some factor combinations as a table of {@link #PIXELS} numeric columns in [0, 1], held
     * off the Java heap in one direct buffer that the engine reads without a copy.
     *
     * @throws IllegalArgumentException for more images than one buffer holds ({@value #MAX_TABLE_IMAGES}) or a
     *     level out of range (naming the factor)
     */
    public static Table images(int[][] factors) {
        if (factors.length > MAX_TABLE_IMAGES) {
            throw new IllegalArgumentException("one table holds at most " + MAX_TABLE_IMAGES + " sprites, asked for "
                    + factors.length);
        }
        ByteBuffer bytes = ByteBuffer.allocateDirect(factors.length * PIXELS * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        FloatBuffer floats = bytes.asFloatBuffer();
        for (int[] row : factors) {
            render(row, floats);
        }
        return Table.ofNumeric(Schema.numeric("pixel", PIXELS), bytes, null);
    }

    /**
     * {@code n} distinct combinations drawn at random, the same for the same seed.
     *
     * @throws IllegalArgumentException if n is not in 1..{@link #combinations()}
     */
    public static int[][] randomFactors(int n, long seed) {
        int total = combinations();
        if (n < 1 || n > total) {
            throw new IllegalArgumentException("dSprites has 1.." + total + " distinct images, asked for " + n);
        }
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        int[][] factors = new int[n][];
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(total - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            factors[i] = factorsOf(order[i]);
        }
        return factors;
    }

    /**
     * {@code count} combinations with factor {@code factor} at {@code level} and the others uniform, drawn
     * with {@code random} (with replacement).
     */
    public static int[][] factorsWithOneFixed(int factor, int level, int count, Random random) {
        int[][] factors = new int[count][LEVELS.length];
        for (int[] row : factors) {
            for (int k = 0; k < LEVELS.length; k++) {
                row[k] = k == factor ? level : random.nextInt(LEVELS[k]);
            }
        }
        return factors;
    }
}
