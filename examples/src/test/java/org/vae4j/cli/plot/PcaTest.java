package org.vae4j.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The projection finds the directions of largest variance. */
class PcaTest {

    @Test
    void findsTheDominantDirections() {
        Random random = new Random(3);
        double[][] rows = new double[2000][4];
        for (double[] row : rows) {
            double a = 5 * random.nextGaussian();
            double b = 2 * random.nextGaussian();
            double noise = 0.1;
            // a along (1, 1, 0, 0)/sqrt2, b along (0, 0, 1, -1)/sqrt2, plus a little isotropic noise
            row[0] = 7 + a / Math.sqrt(2) + noise * random.nextGaussian();
            row[1] = -3 + a / Math.sqrt(2) + noise * random.nextGaussian();
            row[2] = b / Math.sqrt(2) + noise * random.nextGaussian();
            row[3] = -b / Math.sqrt(2) + noise * random.nextGaussian();
        }
        Pca pca = Pca.fit(rows);
        double total = 25 + 4 + 4 * 0.01;
        assertEquals(25 / total, pca.explained(0), 0.03);
        assertEquals(4 / total, pca.explained(1), 0.03);
        double[][] p = pca.project(new double[][] {{7, -3, 0, 0}, {7 + 1, -3 + 1, 0, 0}, {7, -3, 1, -1}});
        assertEquals(Math.sqrt(2), Math.abs(p[1][0] - p[0][0]), 0.05, "(1, 1, 0, 0) lies along the first component");
        assertTrue(Math.abs(p[1][1] - p[0][1]) < 0.05, "and not the second: " + java.util.Arrays.deepToString(p));
        assertEquals(Math.sqrt(2), Math.abs(p[2][1] - p[0][1]), 0.05, "(0, 0, 1, -1) lies along the second component");
        assertTrue(Math.abs(p[2][0] - p[0][0]) < 0.05);
    }
}
