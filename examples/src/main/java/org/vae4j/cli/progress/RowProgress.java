package org.vae4j.cli.progress;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * Progress lines for a long pass over the rows of a table (such as an importance-sampled log-likelihood
 * with a large k): {@code log_likelihood: 1024/50000 rows, left 3:20}, at most one line per interval, and
 * none for a pass that ends within the first interval.
 */
public final class RowProgress implements IntConsumer {

    private final PrintWriter out;
    private final String task;
    private final int total;
    private final double intervalSeconds;
    private final long startNanos = System.nanoTime();
    private double lastLine;

    /**
     * @param out where the lines go
     * @param task what is being computed, to start each line
     * @param total the rows of the whole pass
     * @param intervalSeconds the least time between two lines
     */
    public RowProgress(PrintWriter out, String task, int total, double intervalSeconds) {
        this.out = out;
        this.task = task;
        this.total = total;
        this.intervalSeconds = intervalSeconds;
    }

    /** Takes the number of rows done so far, printing a line when the interval has passed. */
    @Override
    public void accept(int done) {
        double now = (System.nanoTime() - startNanos) / 1e9;
        if (now - lastLine < intervalSeconds || done >= total) {
            return;
        }
        lastLine = now;
        out.printf("%s: %d/%d rows, left %s%n", task, done, total, Durations.format(now / done * (total - done)));
        out.flush();
    }
}
