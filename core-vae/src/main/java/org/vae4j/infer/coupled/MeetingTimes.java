package org.vae4j.infer.coupled;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The meeting times of the coupled chains over a stretch of training, for the epoch's report: their mean and
 * maximum over the rows, and the fraction of rows whose chains were capped (their gradient fell back to the
 * biased time average, so it must stay near zero).
 */
final class MeetingTimes {

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
            figures.put(CoupledChainProcedure.MEETING_TIME_MEAN, (double) sum / rows);
            figures.put(CoupledChainProcedure.MEETING_TIME_MAX, (double) max);
            figures.put(CoupledChainProcedure.CAPPED_FRACTION, (double) capped / rows);
        }
        rows = 0;
        sum = 0;
        max = 0;
        capped = 0;
        return figures;
    }
}
