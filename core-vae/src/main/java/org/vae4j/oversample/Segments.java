package org.vae4j.oversample;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.vae4j.vae.Posterior;

/**
 * Where the synthetic rows of one class lie in latent space: each on the segment from the code (posterior mean)
 * of a real row of the class to the code of one of its k nearest neighbours of the class. The rows take turns
 * in a shuffled order, each towards a neighbour drawn at random, at a gap drawn uniformly from [0, 1]; a class
 * of a single row has no neighbour, and its synthetic rows' codes are draws from that row's posterior. Finding
 * the neighbours takes time quadratic in the size of the class.
 *
 * @param from the real row each synthetic row starts from (an index into the table the codes were made of)
 * @param to the real row each synthetic row goes towards (its {@code from} for a class of one row)
 * @param gap how far along the segment each synthetic row lies, in [0, 1] (0 for a class of one row)
 * @param codes each synthetic row's latent code
 */
record Segments(int[] from, int[] to, double[] gap, double[][] codes) {

    /**
     * {@code n} segments among the rows {@code rows} of one class.
     *
     * @param posterior the codes of every row of the table
     */
    static Segments among(Posterior posterior, int[] rows, int neighbours, int n, Random random) {
        List<Integer> order = Arrays.asList(IntStream.range(0, rows.length).boxed().toArray(Integer[]::new));
        Collections.shuffle(order, random);
        int[][] near = new int[rows.length][];
        Segments segments = new Segments(new int[n], new int[n], new double[n], new double[n][]);
        for (int s = 0; s < n; s++) {
            int i = order.get(s % rows.length);
            double[] start = posterior.mean()[rows[i]];
            segments.from[s] = rows[i];
            if (rows.length == 1) {
                segments.to[s] = rows[i];
                segments.codes[s] = draw(start, posterior.std()[rows[i]], random);
                continue;
            }
            if (near[i] == null) {
                near[i] = nearest(posterior.mean(), rows, i, neighbours);
            }
            int j = rows[near[i][random.nextInt(near[i].length)]];
            double gap = random.nextDouble();
            double[] end = posterior.mean()[j];
            double[] code = new double[start.length];
            for (int d = 0; d < code.length; d++) {
                code[d] = start[d] + gap * (end[d] - start[d]);
            }
            segments.to[s] = j;
            segments.gap[s] = gap;
            segments.codes[s] = code;
        }
        return segments;
    }

    private static double[] draw(double[] mean, double[] std, Random random) {
        double[] z = new double[mean.length];
        for (int d = 0; d < z.length; d++) {
            z[d] = mean[d] + std[d] * random.nextGaussian();
        }
        return z;
    }

    /** The positions in {@code rows} of the k nearest other rows to {@code rows[i]}, by latent distance. */
    private static int[] nearest(double[][] codes, int[] rows, int i, int k) {
        double[] distance = new double[rows.length];
        for (int o = 0; o < rows.length; o++) {
            distance[o] = squaredDistance(codes[rows[i]], codes[rows[o]]);
        }
        return IntStream.range(0, rows.length).filter(o -> o != i).boxed()
                .sorted(Comparator.comparingDouble(o -> distance[o])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return sum;
    }
}
