package org.vae4j.infer.coupled;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The meeting times of the coupled chains over a stretch of training, for the epoch's report: their mean and
 * maximum over the rows, and the fraction of rows whose chains were capped (their gradient fell back to the
 * biased time average, so it must stay near zero).
 */
final class MeetingTimes {

    /** Mean meeting time over the rows (capped rows count the steps they ran). */
    static final String MEAN = "meeting_time_mean";
    /** Largest meeting time. */
    static final String MAX = "meeting_time_max";
    /** Fraction of rows capped. */
    static final String CAPPED = "capped_fraction";

    private long rows;
    private long sum;
    private int max;
    private long capped;

    /** Counts one batch's estimate. */
    void add(CoupledChainEstimator.Estimate estimate) {
        int[] times = estimate.meetingTimes();
        for (int b = 0; b < times.length; b++) {
            rows++;
            sum += times[b];
            max = Math.max(max, times[b]);
            capped += estimate.capped()[b] ? 1 : 0;
        }
    }

    /** The figures since the last call, empty when no row was counted; then starts afresh. */
    Map<String, Double> drain() {
        Map<String, Double> figures = new LinkedHashMap<>();
        if (rows > 0) {
            figures.put(MEAN, (double) sum / rows);
            figures.put(MAX, (double) max);
            figures.put(CAPPED, (double) capped / rows);
        }
        rows = 0;
        sum = 0;
        max = 0;
        capped = 0;
        return figures;
    }
}
