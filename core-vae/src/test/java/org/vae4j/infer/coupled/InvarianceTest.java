package org.vae4j.infer.coupled;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeArrays;

/**
 * Each chain alone leaves the posterior invariant. On a 1-D skewed target, p(x, z) = N(z; 0, 1) sigmoid(3z - 1.5)^2,
 * whose posterior is tabulated on a grid, with a Gaussian proposal that is neither: start every row's chain in
 * the stationary state (kept particle an exact posterior draw, the others from the proposal), take steps of the
 * kernel, and the kept particles are still distributed as the posterior (a chi-square test over 20 bins of equal
 * posterior mass), whereas the proposal's own draws fail the same test.
 */
class InvarianceTest {

    private static final int CHAINS = 20_000;
    private static final int PARTICLES = 4;
    private static final double PROPOSAL_MEAN = 0.8;
    private static final double PROPOSAL_SD = 1.3;
    private static final int BINS = 20;
    /** The 0.999 quantile of chi-square with 19 degrees of freedom. */
    private static final double CRITICAL = 43.82;

    private static double logTarget(double z) {
        return -0.5 * z * z - 2 * Math.log1p(Math.exp(-(3 * z - 1.5)));
    }

    /** The kernel's target and proposal for {@link #CHAINS} rows. */
    private static final class SkewedTarget implements ChainTarget {
        private final NDManager manager;
        private final Random random;

        SkewedTarget(NDManager manager, Random random) {
            this.manager = manager;
            this.random = random;
        }

        @Override
        public long rows() {
            return CHAINS;
        }

        @Override
        public ChainTarget subset(long[] positions) {
            throw new UnsupportedOperationException("the invariance test runs every chain to the end");
        }

        @Override
        public Proposals propose(int count) {
            float[] z = new float[count * CHAINS];
            float[] logq = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                double e = random.nextGaussian();
                z[i] = (float) (PROPOSAL_MEAN + PROPOSAL_SD * e);
                logq[i] = (float) (-0.5 * e * e - Math.log(PROPOSAL_SD));
            }
            return new Proposals(NativeArrays.copyOf(manager, FloatBuffer.wrap(z), new Shape(count, CHAINS, 1)),
                    NativeArrays.copyOf(manager, FloatBuffer.wrap(logq), new Shape(count, CHAINS)));
        }

        @Override
        public NDArray logJoint(NDArray z) {
            NDArray v = z.squeeze(2);
            NDArray logistic = v.mul(-3).add(1.5).exp().add(1).log().mul(2);
            return v.square().mul(-0.5).sub(logistic);
        }
    }

    @Test
    void theKernelLeavesThePosteriorInvariant() {
        double[] edges = posteriorQuantiles();
        Random random = new Random(3);
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            SkewedTarget target = new SkewedTarget(manager, random);
            float[] exact = new float[CHAINS];
            for (int b = 0; b < CHAINS; b++) {
                exact[b] = (float) posteriorDraw(random);
            }
            ParticleSet rest = ParticleSet.fresh(target, PARTICLES - 1);
            NDArray kept = NativeArrays.copyOf(manager, FloatBuffer.wrap(exact), new Shape(1, CHAINS, 1));
            ParticleSet state = new ParticleSet(NDArrays.concat(new NDList(kept, rest.z())),
                    NDArrays.concat(new NDList(target.logJoint(kept).sub(logProposal(kept)), rest.logWeight())),
                    NDArrays.concat(new NDList(target.logJoint(kept), rest.logJoint())));
            double proposalStatistic = chiSquare(rest.z().get(0).toFloatArray(), edges);
            System.out.printf("invariance: chi-square of the proposal's draws %.1f (critical %.1f)%n", proposalStatistic,
                    CRITICAL);
            assertTrue(proposalStatistic > 5 * CRITICAL, "the test tells the proposal from the posterior");
            for (int step = 1; step <= 3; step++) {
                float[] u = new float[CHAINS];
                for (int b = 0; b < CHAINS; b++) {
                    u[b] = random.nextFloat();
                }
                state = ConditionalImportanceSampling.step(state, target,
                        NativeArrays.copyOf(manager, FloatBuffer.wrap(u), new Shape(CHAINS)));
                double statistic = chiSquare(state.z().get(0).toFloatArray(), edges);
                System.out.printf("invariance: chi-square of the kept particles after step %d: %.1f%n", step, statistic);
                assertTrue(statistic < CRITICAL, "kept particles after step " + step + " follow the posterior: "
                        + statistic);
            }
        }
    }

    private static NDArray logProposal(NDArray z) {
        NDArray e = z.squeeze(2).sub(PROPOSAL_MEAN).div(PROPOSAL_SD);
        return e.square().mul(-0.5).sub(Math.log(PROPOSAL_SD));
    }

    private static final double LOW = -8;
    private static final double HIGH = 8;
    private static final int GRID = 160_001;

    /** The posterior's cumulative distribution on the grid. */
    private static double[] cumulative() {
        double[] cdf = new double[GRID];
        double step = (HIGH - LOW) / (GRID - 1);
        double total = 0;
        for (int i = 0; i < GRID; i++) {
            total += Math.exp(logTarget(LOW + i * step));
            cdf[i] = total;
        }
        for (int i = 0; i < GRID; i++) {
            cdf[i] /= total;
        }
        return cdf;
    }

    private static final double[] CDF = cumulative();

    private static double gridPoint(int i) {
        return LOW + i * (HIGH - LOW) / (GRID - 1);
    }

    /** An exact draw (to the grid's resolution) by inverting the cumulative distribution. */
    private static double posteriorDraw(Random random) {
        int i = Arrays.binarySearch(CDF, random.nextDouble());
        return gridPoint(i < 0 ? -i - 1 : i);
    }

    /** The edges between the {@link #BINS} bins of equal posterior mass. */
    private static double[] posteriorQuantiles() {
        double[] edges = new double[BINS - 1];
        for (int j = 1; j < BINS; j++) {
            int i = Arrays.binarySearch(CDF, (double) j / BINS);
            edges[j - 1] = gridPoint(i < 0 ? -i - 1 : i);
        }
        return edges;
    }

    private static double chiSquare(float[] draws, double[] edges) {
        int[] counts = new int[BINS];
        for (float z : draws) {
            int i = Arrays.binarySearch(edges, z);
            counts[i < 0 ? -i - 1 : i]++;
        }
        double expected = (double) draws.length / BINS;
        double statistic = 0;
        for (int c : counts) {
            statistic += (c - expected) * (c - expected) / expected;
        }
        return statistic;
    }
}
