package org.vae4j.eval;

import java.util.Random;

/**
 * The disentanglement metric of Kim and Mnih 2018, "Disentangling by Factorising": each latent is divided
 * by its standard deviation over the data; a <em>vote</em> fixes one factor at a random level, draws a
 * small batch with the other factors random, and names the latent whose normalised variance over the
 * batch is smallest. A majority-vote classifier (each latent predicts the factor it was most often
 * named for) is fitted on training votes and its accuracy on fresh votes is the score: 1 when each factor
 * owns a latent, near 1 / factors when the latents ignore the factors.
 *
 * <p>As in disentanglement_lib, latents whose variance over the data is below {@link #ACTIVE_VARIANCE} are
 * collapsed and take no part in the argmin; with no active latent the score is 0.
 *
 * @param accuracy the classifier's accuracy on the evaluation votes
 * @param trainAccuracy its accuracy on the votes it was fitted on
 * @param activeLatents the latents whose variance over the data reached {@link #ACTIVE_VARIANCE}
 */
public record FactorVaeMetric(double accuracy, double trainAccuracy, int activeLatents) {

    /** The variance over the data below which a latent counts as collapsed (disentanglement_lib's). */
    public static final double ACTIVE_VARIANCE = 0.05;

    /**
     * The votes and batch size of a metric run.
     *
     * @param trainVotes votes the classifier is fitted on
     * @param evalVotes votes it is scored on
     * @param batch observations per vote (L in the paper)
     */
    public record Protocol(int trainVotes, int evalVotes, int batch) {

        /** disentanglement_lib's protocol: 10000 training votes, 5000 evaluation votes, batches of 64. */
        public static final Protocol STANDARD = new Protocol(10_000, 5_000, 64);

        /** Checks the counts. */
        public Protocol {
            if (trainVotes < 1 || evalVotes < 1 || batch < 2) {
                throw new IllegalArgumentException("the FactorVAE metric needs at least one training and one "
                        + "evaluation vote and batches of at least 2, got " + trainVotes + ", " + evalVotes
                        + ", " + batch);
            }
        }
    }

    /**
     * Scores a representation.
     *
     * @param reference latent codes of observations drawn from the data, for each latent's standard deviation
     * @param sampler draws the codes of observations with one factor fixed
     * @param protocol the vote counts and batch size
     * @param seed seeds the votes' factors, levels and batches
     * @throws IllegalArgumentException for ragged reference rows (naming the row), a sampler with no factor or
     *     a factor without levels, or sampled codes of another width
     */
    public static FactorVaeMetric of(double[][] reference, FixedFactorSampler sampler, Protocol protocol, long seed) {
        int latentDim = FactorCodes.width(reference, "reference latent");
        int factors = sampler.factors();
        if (factors < 1) {
            throw new IllegalArgumentException("the sampler has no factors");
        }
        double[] scale = new double[latentDim];
        boolean[] active = new boolean[latentDim];
        int activeCount = 0;
        for (int j = 0; j < latentDim; j++) {
            double variance = variance(FactorCodes.column(reference, j));
            scale[j] = Math.sqrt(variance);
            active[j] = variance >= ACTIVE_VARIANCE;
            activeCount += active[j] ? 1 : 0;
        }
        if (activeCount == 0) {
            return new FactorVaeMetric(0, 0, 0);
        }
        Random random = new Random(seed);
        Votes votes = new Votes(sampler, scale, active, protocol.batch(), random);
        int[][] trainCounts = new int[latentDim][factors];
        int[][] train = votes.draw(protocol.trainVotes());
        for (int[] vote : train) {
            trainCounts[vote[0]][vote[1]]++;
        }
        int[] predicted = new int[latentDim];
        for (int j = 0; j < latentDim; j++) {
            predicted[j] = argmax(trainCounts[j]);
        }
        return new FactorVaeMetric(accuracy(votes.draw(protocol.evalVotes()), predicted),
                accuracy(train, predicted), activeCount);
    }

    private static double accuracy(int[][] votes, int[] predicted) {
        int correct = 0;
        for (int[] vote : votes) {
            correct += predicted[vote[0]] == vote[1] ? 1 : 0;
        }
        return (double) correct / votes.length;
    }

    /** Draws votes: pairs (latent with the smallest normalised variance, factor that was fixed). */
    private record Votes(FixedFactorSampler sampler, double[] scale, boolean[] active, int batch, Random random) {

        int[][] draw(int count) {
            int[][] votes = new int[count][];
            for (int v = 0; v < count; v++) {
                int factor = random.nextInt(sampler.factors());
                int levels = sampler.levels(factor);
                if (levels < 1) {
                    throw new IllegalArgumentException("factor " + (factor + 1) + " has no levels");
                }
                double[][] codes = sampler.codesWithFactorFixed(factor, random.nextInt(levels), batch, random);
                if (FactorCodes.width(codes, "sampled latent") != scale.length) {
                    throw new IllegalArgumentException("the sampler returned codes of " + codes[0].length
                            + " latents, the reference has " + scale.length);
                }
                votes[v] = new int[] {smallestNormalisedVariance(codes), factor};
            }
            return votes;
        }

        private int smallestNormalisedVariance(double[][] codes) {
            int best = -1;
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < scale.length; j++) {
                if (active[j]) {
                    double v = variance(FactorCodes.column(codes, j)) / (scale[j] * scale[j]);
                    if (v < smallest) {
                        smallest = v;
                        best = j;
                    }
                }
            }
            return best;
        }
    }

    /** The variance (dividing by n - 1, as the paper's empirical variance) of some values. */
    private static double variance(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return values.length > 1 ? sum / (values.length - 1) : 0;
    }

    private static int argmax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }
}
