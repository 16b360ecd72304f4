package org.vae4j.infer.coupled;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The rows of a batch whose chains are done, as the batch shrinks: each row's surrogate once it leaves, its
 * meeting time, and whether it was capped; at the end, the surrogates in the batch's order.
 */
final class Finished {

    private final int[] meetingTimes;
    private final boolean[] capped;
    private final List<NDArray> surrogates = new ArrayList<>();
    private final List<long[]> rowsOfSurrogates = new ArrayList<>();

    /** None done yet of a batch of {@code rows}. */
    Finished(int rows) {
        this.meetingTimes = new int[rows];
        this.capped = new boolean[rows];
    }

    /** 0, 1, ..., n - 1. */
    static long[] identity(int n) {
        long[] positions = new long[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        return positions;
    }

    /** The batch rows of the running rows at {@code indices}. */
    static long[] positions(long[] running, long[] indices) {
        long[] rows = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = running[(int) indices[i]];
        }
        return rows;
    }

    /** Records that the running rows flagged in {@code meets} met at {@code step}. */
    void meetAt(int step, long[] running, boolean[] meets) {
        for (int i = 0; i < meets.length; i++) {
            if (meets[i]) {
                meetingTimes[(int) running[i]] = step;
            }
        }
    }

    /**
     * Takes the running rows flagged {@code done} out with their surrogates.
     *
     * @param surrogate per running row
     * @return the indices, among the running rows, of those that stay
     */
    long[] complete(NDArray surrogate, long[] running, boolean[] done) {
        int count = 0;
        for (boolean d : done) {
            count += d ? 1 : 0;
        }
        long[] leaving = new long[count];
        long[] staying = new long[done.length - count];
        int l = 0;
        int s = 0;
        for (int i = 0; i < done.length; i++) {
            if (done[i]) {
                leaving[l++] = i;
            } else {
                staying[s++] = i;
            }
        }
        if (count > 0) {
            add(count == done.length ? surrogate : new RowSubset(leaving).take(surrogate, 0),
                    positions(running, leaving));
        }
        return staying;
    }

    /** The running rows stopped at the cap after {@code steps}, with their (time-average) surrogates. */
    void cap(NDArray surrogate, long[] running, int steps) {
        if (running.length > 0) {
            add(surrogate, running);
        }
        for (long row : running) {
            capped[(int) row] = true;
            meetingTimes[(int) row] = steps;
        }
    }

    private void add(NDArray surrogate, long[] rows) {
        surrogates.add(surrogate);
        rowsOfSurrogates.add(rows);
    }

    /** Every row's surrogate in the batch's order, meeting time and cap. */
    CoupledChainEstimator.Estimate estimate() {
        NDArray joined = surrogates.size() == 1 ? surrogates.get(0) : NDArrays.concat(new NDList(surrogates));
        long[] whereIs = new long[meetingTimes.length];
        int at = 0;
        for (long[] rows : rowsOfSurrogates) {
            for (long row : rows) {
                whereIs[(int) row] = at++;
            }
        }
        return new CoupledChainEstimator.Estimate(new RowSubset(whereIs).take(joined, 0), meetingTimes.clone(),
                capped.clone());
    }
}
