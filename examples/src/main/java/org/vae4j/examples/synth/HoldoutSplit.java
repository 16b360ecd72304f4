package org.vae4j.examples.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Splits real rows into training and held-out rows with a seed: the rows are shuffled (java.util.Random with
 * the seed) and, within each class value (missing being one), the first {@code fraction} of them rounded are
 * held out, so both parts keep the class shares. A numeric class is not stratified.
 *
 * @param training the rows to train on
 * @param holdout the rows held out
 */
public record HoldoutSplit(SynthTable training, SynthTable holdout) {

    /**
     * Splits the table.
     *
     * @param classColumn the class column's index
     * @param fraction the share of rows held out, in (0, 1)
     */
    public static HoldoutSplit of(SynthTable table, int classColumn, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must lie in (0, 1), got " + fraction);
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            order.add(r);
        }
        Collections.shuffle(order, new Random(seed));
        Map<Double, List<Integer>> strata = new LinkedHashMap<>();
        boolean nominal = !table.isNumeric(classColumn);
        for (int r : order) {
            double key = nominal ? table.value(r, classColumn) : 0;
            strata.computeIfAbsent(Double.isNaN(key) ? -1 : key, k -> new ArrayList<>()).add(r);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (List<Integer> rows : strata.values()) {
            int out = (int) Math.round(fraction * rows.size());
            held.addAll(rows.subList(0, out));
            train.addAll(rows.subList(out, rows.size()));
        }
        if (train.isEmpty() || held.isEmpty()) {
            throw new IllegalArgumentException(table.rows() + " rows are too few to hold " + fraction + " of them out");
        }
        Collections.sort(train);
        Collections.sort(held);
        return new HoldoutSplit(table.select(train.stream().mapToInt(Integer::intValue).toArray()),
                table.select(held.stream().mapToInt(Integer::intValue).toArray()));
    }
}
