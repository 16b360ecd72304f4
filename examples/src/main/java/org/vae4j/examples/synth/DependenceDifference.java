package org.vae4j.examples.synth;

/**
 * How far the synthetic data's pairwise dependence is from the real data's: for every pair of numeric
 * columns the absolute difference of their Pearson correlations, for every pair of nominal columns the
 * absolute difference of their Cramer's V ({@link Association}). Each is reported as the mean over its pairs
 * (for correlations: the mean absolute entry of the difference of the two correlation matrices, each pair
 * once, the diagonal left out), and both together as the mean over all pairs. Mixed pairs are not measured;
 * how a column bears on the class is what {@link MlEfficacy} measures.
 *
 * @param numericPairs the number of numeric pairs
 * @param correlation mean absolute difference of correlations over the numeric pairs (NaN without pairs)
 * @param nominalPairs the number of nominal pairs
 * @param cramersV mean absolute difference of Cramer's V over the nominal pairs (NaN without pairs)
 */
public record DependenceDifference(int numericPairs, double correlation, int nominalPairs, double cramersV) {

    /** Compares the two tables. */
    public static DependenceDifference compare(SynthTable real, SynthTable synthetic) {
        int[] numeric = real.numericColumns();
        int[] nominal = real.nominalColumns();
        double correlation = 0;
        for (int i = 0; i < numeric.length; i++) {
            for (int j = i + 1; j < numeric.length; j++) {
                correlation += Math.abs(pearson(real, numeric[i], numeric[j])
                        - pearson(synthetic, numeric[i], numeric[j]));
            }
        }
        double v = 0;
        for (int i = 0; i < nominal.length; i++) {
            for (int j = i + 1; j < nominal.length; j++) {
                v += Math.abs(cramersV(real, nominal[i], nominal[j]) - cramersV(synthetic, nominal[i], nominal[j]));
            }
        }
        int numericPairs = numeric.length * (numeric.length - 1) / 2;
        int nominalPairs = nominal.length * (nominal.length - 1) / 2;
        return new DependenceDifference(numericPairs, numericPairs == 0 ? Double.NaN : correlation / numericPairs,
                nominalPairs, nominalPairs == 0 ? Double.NaN : v / nominalPairs);
    }

    /** The mean absolute difference over all measured pairs, NaN when there are none. */
    public double overall() {
        int pairs = numericPairs + nominalPairs;
        if (pairs == 0) {
            return Double.NaN;
        }
        double sum = (numericPairs == 0 ? 0 : correlation * numericPairs) + (nominalPairs == 0 ? 0 : cramersV * nominalPairs);
        return sum / pairs;
    }

    private static double pearson(SynthTable t, int a, int b) {
        return Association.pearson(t.values()[a], t.values()[b]);
    }

    private static double cramersV(SynthTable t, int a, int b) {
        return Association.cramersV(t.values()[a], t.values()[b]);
    }
}
