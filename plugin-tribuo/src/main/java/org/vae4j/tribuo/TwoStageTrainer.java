package org.vae4j.tribuo;

import java.util.Collections;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * What vae4j's two-stage Tribuo trainers share: a VAE trainer and an inner trainer, set by OLCUT or a
 * constructor, and an invocation count that drives both of theirs. The run with count n trains each inner
 * trainer once, at count n, whatever they did before (one may be shared with another trainer or used on
 * its own), so the count recorded in a model's provenance replays the run exactly (Tribuo's contract for
 * {@link Trainer#setInvocationCount}).
 *
 * @param <T> the output type
 * @param <M> the type of model a training returns
 */
abstract class TwoStageTrainer<T extends Output<T>, M extends Model<T>> implements Trainer<T> {

    @Config(mandatory = true, description = "Trainer of the VAE (unconditional to make features, "
            + "conditional on the label to balance classes).")
    VaeFeatureTrainer vaeTrainer;

    @Config(mandatory = true, description = "Trainer of the model on the VAE's latent features or on the "
            + "balanced examples.")
    Trainer<T> innerTrainer;

    /** How many times this trainer has trained (the next run's index). */
    int invocationCount = 0;

    /** For OLCUT. */
    TwoStageTrainer() {}

    TwoStageTrainer(VaeFeatureTrainer vaeTrainer, Trainer<T> innerTrainer) {
        this.vaeTrainer = vaeTrainer;
        this.innerTrainer = innerTrainer;
    }

    /**
     * Checks that both trainers are set.
     *
     * @throws PropertyException naming the missing one
     */
    void checkTrainersSet() {
        if (vaeTrainer == null) {
            throw new PropertyException("", "vaeTrainer", "must be set");
        }
        if (innerTrainer == null) {
            throw new PropertyException("", "innerTrainer", "must be set");
        }
    }

    /** One training run: its index (the invocation count it trains as) and this trainer's provenance for it. */
    record Run(int index, TrainerProvenance provenance) {}

    /**
     * Starts a training run: checks that there is data, moves this trainer and both inner trainers to the
     * requested invocation count (the current one for {@link #INCREMENT_INVOCATION_COUNT}), records this
     * trainer's provenance as it stands for the run, and counts the run. Call from a synchronized
     * {@code train}, then train each inner trainer once with {@link #INCREMENT_INVOCATION_COUNT}.
     *
     * @throws IllegalArgumentException for a dataset without examples
     */
    Run startRun(Dataset<T> examples, int requestedCount) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("cannot train on a dataset with no examples");
        }
        int index = requestedCount == INCREMENT_INVOCATION_COUNT ? invocationCount : requestedCount;
        setInvocationCount(index);
        TrainerProvenance provenance = getProvenance();
        invocationCount = index + 1;
        return new Run(index, provenance);
    }

    @Override
    public M train(Dataset<T> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public M train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public abstract M train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount);

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    /** Sets this trainer's count and both inner trainers' counts (each training trains each once). */
    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        this.invocationCount = RunSeeds.checkedCount(invocationCount);
        vaeTrainer.setInvocationCount(invocationCount);
        innerTrainer.setInvocationCount(invocationCount);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
