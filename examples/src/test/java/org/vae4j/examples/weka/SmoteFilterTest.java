package org.vae4j.examples.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;

class SmoteFilterTest {

    /**
     * Two numeric attributes and a nominal one; 40 majority rows at (3, 3) and (-3, -3), 7 minority rows on a
     * circle of radius 1, the first 5 green and the last 2 blue when {@code mixedColours}, else all green.
     */
    private static Instances data(boolean mixedColours) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("x"));
        attributes.add(new Attribute("y"));
        attributes.add(new Attribute("colour", List.of("red", "green", "blue")));
        attributes.add(new Attribute("class", List.of("big", "small")));
        Instances data = new Instances("smote", attributes, 0);
        data.setClassIndex(3);
        for (int i = 0; i < 40; i++) {
            double corner = i % 2 == 0 ? 3 : -3; // both numeric attributes get the range [-3, 3]
            data.add(new DenseInstance(1, new double[] {corner, corner, 0, 0}));
        }
        for (int i = 0; i < 7; i++) {
            double angle = 2 * Math.PI * i / 7;
            double colour = i < 5 || !mixedColours ? 1 : 2;
            data.add(new DenseInstance(1, new double[] {Math.cos(angle), Math.sin(angle), colour, 1}));
        }
        return data;
    }

    private static Instances smote(Instances data, int k) throws Exception {
        SmoteFilter smote = new SmoteFilter();
        smote.setNearestNeighbors(k);
        smote.setInputFormat(data);
        return Filter.useFilter(data, smote);
    }

    @Test
    void topsTheMinorityUpToTheMajorityAndKeepsTheRealRows() throws Exception {
        Instances data = data(true);
        Instances out = smote(data, 5);

        assertEquals(80, out.numInstances());
        assertEquals(40, out.attributeStats(3).nominalCounts[1]);
        for (int r = 0; r < data.numInstances(); r++) {
            assertEquals(data.instance(r).toString(), out.instance(r).toString());
        }
    }

    @Test
    void everySyntheticRowLiesOnASegmentBetweenARowAndOneOfItsNearestMinorityNeighbours() throws Exception {
        Instances data = data(false);
        Instances out = smote(data, 2);
        List<double[]> minority = new ArrayList<>();
        for (Instance row : data) {
            if (row.classValue() == 1) {
                minority.add(new double[] {row.value(0), row.value(1)});
            }
        }
        for (int r = data.numInstances(); r < out.numInstances(); r++) {
            double[] s = {out.instance(r).value(0), out.instance(r).value(1)};
            assertTrue(onSegmentToANearNeighbour(s, minority, 2), "row " + (r + 1) + " " + out.instance(r)
                    + " is not between a minority row and one of its 2 nearest minority neighbours");
        }
    }

    /** On the circle, a point's 2 nearest neighbours are its two adjacent points. */
    private static boolean onSegmentToANearNeighbour(double[] s, List<double[]> points, int k) {
        int n = points.size();
        for (int i = 0; i < n; i++) {
            for (int step = 1; step <= k / 2; step++) {
                if (onSegment(s, points.get(i), points.get((i + step) % n))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean onSegment(double[] s, double[] a, double[] b) {
        double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
        return Math.abs(Math.hypot(s[0] - a[0], s[1] - a[1]) + Math.hypot(b[0] - s[0], b[1] - s[1]) - length) < 1e-9;
    }

    @Test
    void aSyntheticNominalValueIsTheOneMostNeighboursHave() throws Exception {
        Instances out = smote(data(true), 5);

        int green = 0;
        for (int r = 47; r < out.numInstances(); r++) {
            green += out.instance(r).value(2) == 1 ? 1 : 0;
        }
        // Every minority row has at least 4 green rows among its 5 nearest neighbours (5 of the 7 are green), so
        // every synthetic row is green, also those made from the 2 blue rows.
        assertEquals(33, green);
    }

    @Test
    void laterBatchesPassThroughUnchanged() throws Exception {
        Instances data = data(true);
        SmoteFilter smote = new SmoteFilter();
        smote.setInputFormat(data);
        Filter.useFilter(data, smote);

        assertEquals(data.numInstances(), Filter.useFilter(data, smote).numInstances());
    }
}
