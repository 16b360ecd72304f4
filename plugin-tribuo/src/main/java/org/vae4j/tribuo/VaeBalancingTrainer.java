package org.vae4j.tribuo;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
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
import org.vae4j.options.OptionValues;
import org.vae4j.oversample.Oversampler;
import org.vae4j.oversample.OversamplingMethod;
import org.vae4j.oversample.OversamplingOptions;
import org.vae4j.vae.InvalidOptionException;

/**
 * Balances classes with a conditional VAE before training a classifier: it trains the VAE on all the labelled
 * examples, makes synthetic examples of every class whose count is below {@code targetRatio} times the largest
 * class's count (up to that count) with an {@link Oversampler}, and trains the inner trainer on the real plus
 * synthetic examples. How the synthetic examples are made are the options of {@link OversamplingOptions}, one
 * {@code @Config} field each, named as the option and starting at its one default. Synthetic examples carry
 * {@link VaeFeatureModel#SYNTHETIC_METADATA_KEY} in their metadata.
 * A class of the output domain with no training example (as in a cross-validation fold or a bootstrap
 * bag) gets no synthetic examples: there is nothing to learn it from.
 *
 * <p>The returned {@link VaeBalancedModel} predicts with the inner trainer's model, from the original
 * features; its provenance names this trainer and the given dataset, so it can be rebuilt from it.
 */
public final class VaeBalancingTrainer extends TwoStageTrainer<Label, VaeBalancedModel> {

    @Config(description = "Each class is topped up to this fraction of the largest class's count, in (0, 1].")
    private double targetRatio = 1.0;

    @Config(description = "How synthetic examples are made: INTERPOLATE (between the latent codes of an example "
            + "of the class and of one of its nearest neighbours of that class) or PRIOR.")
    private OversamplingMethod oversampling = OptionFields.defaultOf(OversamplingOptions.METHOD,
            OversamplingMethod.class);

    @Config(description = "Nearest neighbours of the same class, in latent space, to interpolate towards.")
    private int neighbours = (Integer) OversamplingOptions.NEIGHBOURS.defaultValue();

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
        oversampler();
    }

    /**
     * The oversampler the option fields describe.
     *
     * @throws PropertyException naming the option whose field holds an unaccepted value
     */
    private Oversampler oversampler() {
        try {
            return Oversampler.of(OptionValues.parse(OversamplingOptions.ALL,
                    OptionFields.texts(this, OversamplingOptions.ALL), null));
        } catch (InvalidOptionException e) {
            throw new PropertyException(e, "", e.option(), e.getMessage());
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
        int target = (int) Math.ceil(targetRatio * Collections.max(counts.values()));
        try (VaeFeatureModel vae = vaeTrainer.trainFeatures(examples, runProvenance, INCREMENT_INVOCATION_COUNT)) {
            balanced.addAll(vae.oversample(examples, examples.getOutputFactory(), oversampler(), target,
                    generationSeed));
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
                + targetRatio + ", oversampling=" + oversampling + ", neighbours=" + neighbours + ", seed=" + seed
                + ")";
    }
}
