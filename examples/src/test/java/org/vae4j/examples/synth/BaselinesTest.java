package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vae4j.examples.synth.Tables.NA;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;

class BaselinesTest {

    private static final List<Column> TWO = List.of(Column.numeric("x"), Column.numeric("y"));

    @Test
    void marginalsReproduceEachColumnAndForgetTheirDependence() {
        double[] x = {1, 2, 2, 3, NA, 1, 2, 2, 3, NA};
        SynthTable training = new SynthTable(TWO, new double[][] {x, x.clone()});
        SynthTable sample = new MarginalSampler(training).sample(4000, 7);
        assertEquals(0.2, ColumnFidelity.missingShare(sample.values()[0]), 0.03);
        assertEquals(0.4, share(sample.values()[0], 2), 0.03);
        assertEquals(0.2, share(sample.values()[1], 1), 0.03);
        assertTrue(Math.abs(Association.pearson(sample.values()[0], sample.values()[1])) < 0.1,
                "columns sampled independently");
        assertEquals(0, ImpossibleValues.count(training, sample).impossible());
    }

    @Test
    void copulaReproducesTheRankCorrelationOfABivariateNormal() {
        // y = 0.8 x + 0.6 e has correlation 0.8; Spearman's rho is (6 / pi) asin(0.8 / 2) = 0.786.
        Random random = new Random(3);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
            y[i] = Math.exp(0.8 * x[i] + 0.6 * random.nextGaussian()); // a monotone map keeps the ranks
        }
        GaussianCopulaSampler copula = new GaussianCopulaSampler(new SynthTable(TWO, new double[][] {x, y}));
        assertEquals(0.8, copula.correlation(0, 1), 0.03);
        SynthTable sample = copula.sample(n, 11);
        double spearman = Association.pearson(ranks(sample.values()[0]), ranks(sample.values()[1]));
        assertEquals(6 / Math.PI * Math.asin(0.4), spearman, 0.03);
        assertTrue(KolmogorovSmirnov.statistic(y, sample.values()[1]) < 0.05, "the marginal is the data's");
    }

    @Test
    void copulaKeepsMissingSharesAndLevels() {
        double[] x = {1, 2, 3, 4, NA, 5, 6, 7, 8, NA};
        double[] k = {0, 0, 1, 1, 2, 0, 0, 1, 1, 2};
        List<Column> columns = List.of(Column.numeric("x"), Column.categorical("k", List.of("a", "b", "c")));
        SynthTable training = new SynthTable(columns, new double[][] {x, k});
        SynthTable sample = new GaussianCopulaSampler(training).sample(4000, 5);
        assertEquals(0.2, ColumnFidelity.missingShare(sample.values()[0]), 0.03);
        assertEquals(0.2, share(sample.values()[1], 2), 0.03);
        assertEquals(0, ImpossibleValues.count(training, sample).impossible());
    }

    @Test
    void normalDistributionFunctionAndQuantile() {
        assertEquals(0.5, NormalDistribution.cdf(0), 1e-7);
        assertEquals(0.975, NormalDistribution.cdf(1.959963985), 1e-7);
        assertEquals(1.959963985, NormalDistribution.quantile(0.975), 1e-6);
        assertEquals(-2.326347874, NormalDistribution.quantile(0.01), 1e-6);
    }

    private static double share(double[] values, double v) {
        return (double) Arrays.stream(values).filter(x -> x == v).count() / values.length;
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }
}
