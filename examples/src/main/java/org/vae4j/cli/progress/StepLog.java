package org.vae4j.cli.progress;

import java.util.ArrayList;
import java.util.List;

import org.vae4j.vae.EpochReport;
import org.vae4j.vae.StepReport;
import org.vae4j.vae.TrainingListener;

/**
 * Records the loss of every training step, so that the loss curve and the training speed are known even for
 * a run stopped in the middle of its first epoch.
 */
public final class StepLog {

    private final List<double[]> points = new ArrayList<>();
    private double samplesPerSecond = Double.NaN;

    /** {@code inner}, with every step recorded here first. */
    public TrainingListener around(TrainingListener inner) {
        return new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                points.add(new double[] {report.epoch() - 1 + (double) report.step() / report.stepsPerEpoch(),
                    report.loss()});
                samplesPerSecond = report.samplesPerSecond();
                inner.onStep(report);
            }

            @Override
            public void onEpoch(EpochReport report) {
                inner.onEpoch(report);
            }

            @Override
            public boolean stopRequested() {
                return inner.stopRequested();
            }
        };
    }

    /** Each step's position in epochs (1.5 = half-way through the second epoch) and its loss. */
    public List<double[]> points() {
        return List.copyOf(points);
    }

    /** Rows per second in the last epoch reached, as of its last step (NaN before any step). */
    public double samplesPerSecond() {
        return samplesPerSecond;
    }
}
