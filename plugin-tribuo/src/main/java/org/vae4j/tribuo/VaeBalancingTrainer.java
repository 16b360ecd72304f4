package org.vae4j.tribuo;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * Balances classes with a conditional VAE before training a classifier: it trains the VAE on the labelled
 * examples, generates synthetic examples of every class whose count is below {@code targetRatio} times
 * the largest class's count (up to that count), and trains the inner trainer on the real plus synthetic
 * examples. Synthetic examples carry {@link VaeFeatureModel#SYNTHETIC_METADATA_KEY} in their metadata.
 * A class of the output domain with no training example (as in a cross-validation fold or a bootstrap
 * bag) gets no synthetic examples: there is nothing to learn it from.
 *
 * <p>The returned {@link VaeBalancedModel} predicts with the inner trainer's model, from the original
 * features; its provenance names this trainer and the given dataset, so it can be rebuilt from it.
 */
public final class VaeBalancingTrainer extends TwoStageTrainer<Label, VaeBalancedModel> {

    @Config(description = "Each class is topped up to this fraction of the largest class's count, in (0, 1].")
    private double targetRatio = 1.0;

    @Config(description = "Seed from which each training's generation seed is derived.")
    private long seed = Trainer.DEFAULT_SEED;

    /** For OLCUT. */
    private VaeBalancingTrainer() {}

    /**
     * @param vaeTrainer trains the VAE (must be conditional)
     * @param innerTrainer trains the classifier
     * @param targetRatio each class is topped up to this fraction of the largest class, in (0, 1]
     * @param seed seeds the generation of synthetic examples
     */
    public VaeBalancingTrainer(VaeFeatureTrainer vaeTrainer, Trainer<Label> innerTrainer, double targetRatio,
            long seed) {
        super(vaeTrainer, innerTrainer);
        this.targetRatio = targetRatio;
        this.seed = seed;
        postConfig();
    }

    /**
     * Checks the trainers and the ratio.
     *
     * @throws PropertyException naming the offending option
     */
    @Override
    public void postConfig() {
        checkTrainersSet();
        if (!vaeTrainer.isConditional()) {
            throw new PropertyException("", "vaeTrainer", "must be conditional (conditional = true) to generate "
                    + "examples of a given class");
        }
        if (!(targetRatio > 0 && targetRatio <= 1)) {
            throw new PropertyException("", "targetRatio", "must be in (0, 1], got " + targetRatio);
        }
    }

    /** Trains the conditional VAE, tops up the small classes, and trains the inner trainer. */
    @Override
    public synchronized VaeBalancedModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        Run run = startRun(examples, invocationCount);
        long generationSeed = RunSeeds.forRun(seed, run.index());

        MutableDataset<Label> balanced = new MutableDataset<>(examples.getProvenance(), examples.getOutputFactory());
        for (Example<Label> example : examples) {
            balanced.add(example);
        }
        Map<String, Long> counts = new HashMap<>();
        for (Example<Label> example : examples) {
            counts.merge(example.getOutput().getLabel(), 1L, Long::sum);
        }
        long target = (long) Math.ceil(targetRatio * Collections.max(counts.values()));
        try (VaeFeatureModel vae = vaeTrainer.trainFeatures(examples, runProvenance, INCREMENT_INVOCATION_COUNT)) {
            List<String> labels = vae.conditionLabels();
            for (int level = 0; level < labels.size(); level++) {
                String label = labels.get(level);
                long count = counts.getOrDefault(label, 0L);
                long missing = target - count;
                if (count > 0 && missing > 0) {
                    balanced.addAll(vae.generate((int) missing, new Label(label), generationSeed + level));
                }
            }
        }
        Model<Label> inner = innerTrainer.train(balanced, runProvenance, INCREMENT_INVOCATION_COUNT);
        ModelProvenance provenance = new ModelProvenance(VaeBalancedModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), run.provenance(), runProvenance);
        return new VaeBalancedModel("vae-balanced-model", provenance, inner.getFeatureIDMap(),
                inner.getOutputIDInfo(), inner);
    }

    @Override
    public String toString() {
        return "VaeBalancingTrainer(vaeTrainer=" + vaeTrainer + ", innerTrainer=" + innerTrainer + ", targetRatio="
                + targetRatio + ", seed=" + seed + ")";
    }
}
