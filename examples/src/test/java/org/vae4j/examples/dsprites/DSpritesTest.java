package org.vae4j.examples.dsprites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Table;

class DSpritesTest {

    private static int area(float[] image) {
        int n = 0;
        for (float p : image) {
            n += p == 1f ? 1 : 0;
        }
        return n;
    }

    private static int differing(float[] a, float[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }

    private static double centreColumn(float[] image) {
        double sum = 0;
        for (int i = 0; i < image.length; i++) {
            sum += image[i] * (i % DSprites.SIDE + 0.5);
        }
        return sum / area(image);
    }

    @Test
    void theFactorGridHasTheOriginalSizes() {
        assertEquals(737_280, DSprites.combinations());
        assertEquals(5, DSprites.factors());
        assertArrayEquals(new int[] {3, 6, 40, 32, 32}, new int[] {DSprites.levels(0), DSprites.levels(1),
                DSprites.levels(2), DSprites.levels(3), DSprites.levels(4)});
        assertEquals(0.5, DSprites.scale(0), 1e-15);
        assertEquals(1.0, DSprites.scale(5), 1e-15);
        assertEquals(2 * Math.PI, DSprites.angle(39), 1e-15);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, DSprites.factorsOf(1), "y position fastest");
        assertArrayEquals(new int[] {2, 5, 39, 31, 31}, DSprites.factorsOf(737_279));
        assertArrayEquals(DSprites.image(DSprites.factorsOf(0)), DSprites.image(new int[] {0, 0, 39, 0, 0}),
                "orientations 0 and 2 pi are both on the grid, as in the original");
    }

    @Test
    void aCentredSquareCoversItsArea() {
        assertEquals(20 * 20, area(DSprites.draw(SpriteShape.SQUARE, 1, 0, 0.5, 0.5)));
        assertEquals(10 * 10, area(DSprites.draw(SpriteShape.SQUARE, 0.5, 0, 0.5, 0.5)));
        int ellipse = area(DSprites.draw(SpriteShape.ELLIPSE, 1, 0, 0.5, 0.5));
        assertEquals(Math.PI * 10 * 5, ellipse, 8, "the ellipse's area, 10 x 5 pixel half-axes");
    }

    @Test
    void turnsShowEachShapesSymmetry() {
        float[] square = DSprites.draw(SpriteShape.SQUARE, 1, 0, 0.5, 0.5);
        assertArrayEquals(square, DSprites.draw(SpriteShape.SQUARE, 1, Math.PI / 2, 0.5, 0.5));
        assertTrue(differing(square, DSprites.draw(SpriteShape.SQUARE, 1, Math.PI / 4, 0.5, 0.5)) > 50);
        float[] ellipse = DSprites.draw(SpriteShape.ELLIPSE, 1, 0, 0.5, 0.5);
        assertArrayEquals(ellipse, DSprites.draw(SpriteShape.ELLIPSE, 1, Math.PI, 0.5, 0.5));
        assertTrue(differing(ellipse, DSprites.draw(SpriteShape.ELLIPSE, 1, Math.PI / 2, 0.5, 0.5)) > 50);
        float[] heart = DSprites.draw(SpriteShape.HEART, 1, 0, 0.5, 0.5);
        assertTrue(differing(heart, DSprites.draw(SpriteShape.HEART, 1, Math.PI, 0.5, 0.5)) > 30,
                "a heart upside down is another picture");
    }

    @Test
    void theHeartPointsDown() {
        float[] heart = DSprites.draw(SpriteShape.HEART, 1, 0, 0.5, 0.5);
        int top = 0;
        int bottom = 0;
        for (int i = 0; i < heart.length; i++) {
            if (i / DSprites.SIDE < 32) {
                top += (int) heart[i];
            } else {
                bottom += (int) heart[i];
            }
        }
        assertTrue(top > bottom + 20, "lobes at the top: " + top + " vs " + bottom);
    }

    @Test
    void positionMovesTheSpriteAcrossThirtyTwoPixels() {
        double left = centreColumn(DSprites.image(new int[] {0, 5, 0, 0, 10}));
        double right = centreColumn(DSprites.image(new int[] {0, 5, 0, 31, 10}));
        assertEquals(16, left, 1e-9);
        assertEquals(48, right, 1e-9);
    }

    @Test
    void aSeededSubsetIsDistinctInRangeAndRepeatable() {
        int[][] factors = DSprites.randomFactors(300, 7);
        Set<String> seen = new HashSet<>();
        for (int[] row : factors) {
            for (int k = 0; k < row.length; k++) {
                assertTrue(row[k] >= 0 && row[k] < DSprites.levels(k));
            }
            seen.add(Arrays.toString(row));
        }
        assertEquals(300, seen.size());
        assertTrue(Arrays.deepEquals(factors, DSprites.randomFactors(300, 7)));
        assertFalse(Arrays.deepEquals(factors, DSprites.randomFactors(300, 8)));

        Table images = DSprites.images(Arrays.copyOf(factors, 5));
        assertEquals(5, images.rows());
        assertEquals(DSprites.PIXELS, images.width());
        float[] third = DSprites.image(factors[2]);
        for (int c = 0; c < DSprites.PIXELS; c++) {
            assertEquals(third[c], images.value(2, c));
        }
    }

    @Test
    void badFactorsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DSprites.image(new int[] {0, 6, 0, 0, 0}));
        assertTrue(e.getMessage().contains("factor scale: level 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DSprites.randomFactors(0, 1));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> DSprites.images(new int[DSprites.MAX_TABLE_IMAGES + 1][]));
        assertTrue(tooMany.getMessage().contains("at most 131071 sprites"), tooMany.getMessage());
    }
}
