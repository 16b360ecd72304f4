package org.vae4j.infer;

import java.util.Random;

/** Random orders of 0 .. n-1 drawn from a given generator, so that the same seed gives the same order. */
public final class Permutations {

    private Permutations() {}

    /** A uniformly random permutation of 0 .. n-1 (Fisher-Yates, from the last position down). */
    public static int[] of(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
