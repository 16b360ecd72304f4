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
 * constructor, and an invocation count kept in step with both of theirs. Each training trains each inner
 * trainer once, so setting this trainer's count to n sets theirs to n as well, and a run is replayed
 * exactly (Tribuo's contract for {@link Trainer#setInvocationCount}).
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
     * Starts a training run: moves to the requested invocation count (or keeps the current one for
     * {@link #INCREMENT_INVOCATION_COUNT}), records this trainer's provenance as it stands for the run, and
     * counts the run. Call from a synchronized {@code train}.
     */
    Run startRun(int requestedCount) {
        if (requestedCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(requestedCount);
        }
        TrainerProvenance provenance = getProvenance();
        return new Run(invocationCount++, provenance);
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
        if (invocationCount < 0) {
            throw new IllegalArgumentException("The supplied invocationCount is less than zero.");
        }
        this.invocationCount = invocationCount;
        vaeTrainer.setInvocationCount(invocationCount);
        innerTrainer.setInvocationCount(invocationCount);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
