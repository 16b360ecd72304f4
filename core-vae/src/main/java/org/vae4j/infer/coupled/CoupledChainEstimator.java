package org.vae4j.infer.coupled;

import java.nio.FloatBuffer;
import java.util.Objects;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.NativeArrays;

/**
 * Unbiased estimates of the score grad log p(x) = E_{p(z | x)}[grad log p(x, z)] (Fisher's identity) from two
 * coupled chains of {@link ConditionalImportanceSampling} (Jacob, O'Leary and Atchade 2020; Ruiz, Titsias, Cemgil
 * and Doucet 2021). The chains X and Y run with X one step ahead, each from N fresh proposals; from its second
 * state X shares its fresh particles with Y and their selections are maximally coupled, until they meet at tau
 * (X_tau = Y_(tau-1)) and stay together. For the test function h of a state (the self-normalised average of its
 * particles' scores) and k &lt;= m,
 * <pre>
 * H_(k:m) = 1/(m-k+1) sum_(l=k..m) h(X_l) + sum_(l=k+1..tau-1) min(1, (l-k)/(m-k+1)) (h(X_l) - h(Y_(l-1)))
 * </pre>
 * is unbiased for E_pi[h] = grad log p(x). The estimate is returned as a surrogate per row whose gradient is
 * H_(k:m): the same sum with every h replaced by sum_s wbar_s log p(x, z_s), weights detached.
 *
 * <p>All rows of a batch advance together on the engine: a row that has met (and passed m) adds nothing more,
 * and the steps end when every row has, or at the cap on the meeting time. A row still apart at the cap keeps
 * only the time average (the first sum), which is biased, and is reported as capped.
 *
 * <p>Cost: a row's chains evaluate the joint of 2N particles to start and N - 1 per step after the first, and the
 * row stays max(tau, m) steps, so the decoder's work is about (mean of max(tau, m)) N evaluations per row, several
 * times an IWAE bound's N. The batch runs as many steps as its slowest row, up to the cap: the few rows that meet
 * late make many steps over few rows, each as many engine operations (and as many in the backward pass) as a step
 * over the whole batch, so that their time is the engine's per-operation overhead, not arithmetic.
 */
public final class CoupledChainEstimator {

    private final int particles;
    private final int first;
    private final int last;
    private final int maxMeeting;

    /**
     * @param particles N >= 2, the particles of each state
     * @param first k >= 0, the first state averaged
     * @param last m >= k, the last state averaged
     * @param maxMeeting the most steps before a row's chains are given up, >= max(m, 2)
     */
    public CoupledChainEstimator(int particles, int first, int last, int maxMeeting) {
        if (particles < 2) {
            throw new IllegalArgumentException("the chains need at least 2 particles, got " + particles);
        }
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("the averaged states need 0 <= k <= m, got k = " + first + " and m = "
                    + last);
        }
        if (maxMeeting < Math.max(last, 2)) {
            throw new IllegalArgumentException("the cap on the meeting time must be at least max(m, 2) = "
                    + Math.max(last, 2) + ", got " + maxMeeting);
        }
        this.particles = particles;
        this.first = first;
        this.last = last;
        this.maxMeeting = maxMeeting;
    }

    /**
     * Runs the chains for every row of the target.
     *
     * @param random the generator of the selections' uniforms (the target draws its own proposals)
     */
    public Estimate estimate(ChainTarget target, Random random) {
        return estimate(target, random, (step, x, y, met) -> { });
    }

    /** As {@link #estimate(ChainTarget, Random)}, showing {@code trace} every pair of states (for tests). */
    Estimate estimate(ChainTarget target, Random random, Trace trace) {
        Objects.requireNonNull(random, "random");
        int rows = Math.toIntExact(target.rows());
        ParticleSet x = ParticleSet.fresh(target, particles);
        NDManager manager = x.logWeight().getManager();
        Sums sums = new Sums(x.logWeight().get(0).zerosLike());
        NDArray met = sums.average.zerosLike().toType(DataType.BOOLEAN, false);
        sums.add(0, x.surrogate(), null, null);
        // Y_0 is N fresh particles whose last N - 1 X_1 shares, so that the chains can meet from the next step on.
        ParticleSet y = ParticleSet.fresh(target, particles);
        x = x.next(IndexChoice.sample(x.normalisedWeights(), uniforms(manager, random, 1, rows).get(0)), y.freshPart());
        trace.states(1, x, y, met);
        sums.add(1, x.surrogate(), y.surrogate(), met);
        Finished finished = new Finished(rows);
        long[] running = Finished.identity(rows);
        ChainTarget runningTarget = target;
        int step = 1;
        while (running.length > 0 && step < maxMeeting) {
            step++;
            ConditionalImportanceSampling.CoupledStep next = ConditionalImportanceSampling.coupledStep(x, y, met,
                    runningTarget, uniforms(manager, random, 4, running.length));
            NDArray meetsNow = next.selectedSameFresh().logicalAnd(met.logicalNot());
            finished.meetAt(step, running, meetsNow.toBooleanArray());
            met = met.logicalOr(meetsNow);
            x = next.x();
            y = next.y();
            trace.states(step, x, y, met);
            sums.add(step, x.surrogate(), y.surrogate(), met);
            if (step >= last) {
                // A row that has met and passed m adds nothing more: it leaves the batch with its estimate.
                boolean[] done = met.toBooleanArray();
                long[] stay = finished.complete(sums.average.add(sums.correction), running, done);
                if (stay.length < running.length && stay.length > 0) {
                    RowSubset rest = new RowSubset(stay);
                    x = x.subset(rest);
                    y = y.subset(rest);
                    met = rest.take(met, 0);
                    sums.keep(rest);
                    runningTarget = runningTarget.subset(stay);
                }
                running = Finished.positions(running, stay);
            }
        }
        // Rows still apart at the cap keep the time average only.
        finished.cap(sums.average, running, step);
        return finished.estimate();
    }

    /** The two sums of H_(k:m) per row, as surrogates. */
    private final class Sums {
        private NDArray average;
        private NDArray correction;

        Sums(NDArray zeros) {
            this.average = zeros;
            this.correction = zeros;
        }

        /** Keeps the given rows only. */
        void keep(RowSubset rows) {
            average = rows.take(average, 0);
            correction = rows.take(correction, 0);
        }

        /** Adds the terms of step l, given the surrogates h(X_l) and h(Y_(l-1)) and which rows have met by l. */
        void add(int l, NDArray hx, NDArray hy, NDArray met) {
            double span = last - first + 1;
            if (l >= first && l <= last) {
                average = average.add(hx.mul(NativeArrays.scalar(hx, (float) (1 / span))));
            }
            if (hy != null && l > first) {
                NDArray apart = met.logicalNot().toType(DataType.FLOAT32, false)
                        .mul(NativeArrays.scalar(hx, (float) Math.min(1, (l - first) / span)));
                correction = correction.add(hx.sub(hy).mul(apart));
            }
        }
    }

    private static NDArray uniforms(NDManager manager, Random random, int count, int rows) {
        float[] values = new float[count * rows];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return NativeArrays.copyOf(manager, FloatBuffer.wrap(values), new Shape(count, rows));
    }

    /** Sees the chains' states at each step (for tests). */
    interface Trace {

        /** X_step, Y_(step-1) and the rows (B, boolean) whose chains have met by this step. */
        void states(int step, ParticleSet x, ParticleSet y, NDArray met);
    }

    /**
     * The chains' estimate for every row.
     *
     * @param surrogate per row (B), whose gradient to the model's parameters is the row's estimate H_(k:m) of
     *     grad log p(x_b)
     * @param meetingTimes per row, the step tau at which its chains met, or the steps run for a capped row
     * @param capped per row, whether its chains had not met at the cap (its estimate is the time average only)
     */
    public record Estimate(NDArray surrogate, int[] meetingTimes, boolean[] capped) {}
}
