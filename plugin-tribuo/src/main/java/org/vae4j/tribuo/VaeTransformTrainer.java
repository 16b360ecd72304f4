package org.vae4j.tribuo;

import java.time.OffsetDateTime;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;

/**
 * Tribuo's {@code TransformTrainer} with a learned multi-feature transform: it trains a VAE on the
 * training features, then the inner trainer on the examples' latent features. The returned
 * {@link VaeTransformedModel} takes examples in the original feature space, encodes and predicts.
 * Provenance records both trainers' configurations.
 *
 * <p>The VAE must be unconditional and must not model the target: at prediction time an example's output
 * is what is being predicted, so it can neither be the VAE's condition nor one of its columns.
 *
 * @param <T> the output type
 */
public final class VaeTransformTrainer<T extends Output<T>> extends TwoStageTrainer<T, VaeTransformedModel<T>> {

    /** For OLCUT. */
    private VaeTransformTrainer() {}

    /**
     * @param vaeTrainer trains the VAE (must be neither conditional nor model the target)
     * @param innerTrainer trains the model on the latent features
     */
    public VaeTransformTrainer(VaeFeatureTrainer vaeTrainer, Trainer<T> innerTrainer) {
        super(vaeTrainer, innerTrainer);
        postConfig();
    }

    /**
     * Checks that both trainers are set and the VAE ignores the outputs.
     *
     * @throws PropertyException naming the offending option
     */
    @Override
    public void postConfig() {
        checkTrainersSet();
        if (vaeTrainer.isConditional()) {
            throw new PropertyException("", "vaeTrainer", "must be unconditional: at prediction time the label "
                    + "is unknown, so it cannot condition the encoder");
        }
        if (vaeTrainer.modelsTarget()) {
            throw new PropertyException("", "vaeTrainer", "must not model the target (modelTarget): at prediction "
                    + "time the target is unknown, so the encoder cannot read it");
        }
    }

    /** Trains the VAE, transforms the examples, and trains the inner model on their latent features. */
    @Override
    public synchronized VaeTransformedModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        Run run = startRun(examples, invocationCount);
        VaeFeatureModel features = vaeTrainer.trainFeatures(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
        MutableDataset<T> latent = features.transform(examples);
        Model<T> inner = innerTrainer.train(latent, runProvenance, INCREMENT_INVOCATION_COUNT);
        ModelProvenance provenance = new ModelProvenance(VaeTransformedModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), run.provenance(), runProvenance);
        return new VaeTransformedModel<>("vae-transformed-model", provenance, examples.getFeatureIDMap(),
                inner.getOutputIDInfo(), features, inner);
    }

    @Override
    public String toString() {
        return "VaeTransformTrainer(vaeTrainer=" + vaeTrainer + ", innerTrainer=" + innerTrainer + ")";
    }
}
