package org.vae4j.examples.synth;

import java.util.List;

import org.vae4j.data.Column;

/** Tiny tables for the yardstick's tests. */
final class Tables {

    private Tables() {}

    static final double NA = Double.NaN;

    /** One numeric column. */
    static SynthTable numeric(double... values) {
        return new SynthTable(List.of(Column.numeric("x")), new double[][] {values});
    }

    /** One nominal column with levels a, b, c. */
    static SynthTable nominal(double... levels) {
        return new SynthTable(List.of(Column.categorical("k", List.of("a", "b", "c"))), new double[][] {levels});
    }

    /** A numeric column x and a nominal class y (levels no, yes). */
    static SynthTable labelled(double[] x, double[] y) {
        return new SynthTable(List.of(Column.numeric("x"), Column.binary("y", "no", "yes")), new double[][] {x, y});
    }
}
