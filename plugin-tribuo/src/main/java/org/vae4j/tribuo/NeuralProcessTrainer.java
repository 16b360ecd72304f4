package org.vae4j.tribuo;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;
import org.vae4j.data.Table;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.np.NeuralProcessKind;
import org.vae4j.np.NeuralProcessOptions;
import org.vae4j.np.NeuralProcessRegressor;
import org.vae4j.options.OptionValues;
import org.vae4j.preprocess.InputEncoding;
import org.vae4j.vae.InvalidOptionException;

/**
 * Trains a neural process on a regression dataset and returns a {@link NeuralProcessModel}, whose predictions
 * carry a variance per output dimension. The network is trained on random context / target subsets of the
 * training examples; a prediction uses the training examples as context (a seeded random subset of at most
 * {@code maxContext} of them). Features are standardised (see {@link InputEncoding}); an absent feature is
 * zero, Tribuo's sparse convention. Several output dimensions are modelled jointly.
 *
 * <p>Its options are those of {@link NeuralProcessOptions}, one {@code @Config} field each, named as the option
 * and starting at its one default (see {@link OptionFields}), so they are recorded in provenance. Each training
 * uses a seed derived from {@code seed} and the invocation count, so {@link #setInvocationCount} reproduces a
 * model (exactly on the CPU). Invalid values fail in {@link #postConfig()} with a {@link PropertyException}
 * naming the option.
 */
public final class NeuralProcessTrainer implements Trainer<Regressor> {

    // One field per option of NeuralProcessOptions, named as the option and starting at its default.

    @Config(description = "The model: CNP, NP (latent) or ATTENTIVE_NP.")
    private NeuralProcessKind model = OptionFields.defaultOf(NeuralProcessOptions.MODEL, NeuralProcessKind.class);

    @Config(description = "Width of the deterministic representation r of the context.")
    private int representationDim = (Integer) NeuralProcessOptions.REPRESENTATION_DIM.defaultValue();

    @Config(description = "Number of latent dimensions of z (NP and ATTENTIVE_NP only).")
    private int latentDim = (Integer) NeuralProcessOptions.LATENT_DIM.defaultValue();

    @Config(description = "Hidden layer widths of the encoders and the decoder.")
    private int[] hidden = OptionFields.defaultInts(NeuralProcessOptions.HIDDEN);

    @Config(description = "Number of training steps.")
    private int steps = (Integer) NeuralProcessOptions.STEPS.defaultValue();

    @Config(description = "Tasks (random context/target splits) per training step.")
    private int batchSize = (Integer) NeuralProcessOptions.BATCH_SIZE.defaultValue();

    @Config(description = "Adam's step size.")
    private double learningRate = (Double) NeuralProcessOptions.LEARNING_RATE.defaultValue();

    @Config(description = "Fewest context examples of a training task.")
    private int minContext = (Integer) NeuralProcessOptions.MIN_CONTEXT.defaultValue();

    @Config(description = "Most context examples, in training tasks and in prediction.")
    private int maxContext = (Integer) NeuralProcessOptions.MAX_CONTEXT.defaultValue();

    @Config(description = "Most examples of a training task.")
    private int maxTargets = (Integer) NeuralProcessOptions.MAX_TARGETS.defaultValue();

    @Config(description = "Draws of z a latent model's prediction averages over.")
    private int predictionSamples = (Integer) NeuralProcessOptions.PREDICTION_SAMPLES.defaultValue();

    @Config(description = "Seed from which each training's seed is derived.")
    private long seed = (Long) NeuralProcessOptions.SEED.defaultValue();

    @Config(description = "Where training runs: AUTO, CPU or GPU.")
    private DeviceChoice device = OptionFields.defaultOf(NeuralProcessOptions.DEVICE, DeviceChoice.class);

    private int invocationCount = 0;

    /** For OLCUT. */
    private NeuralProcessTrainer() {}

    /**
     * A trainer with the given options of {@link NeuralProcessOptions} (their seed seeds the trainer), such as
     * {@code NeuralProcessOptions.of(Map.of("steps", 500))}.
     */
    public NeuralProcessTrainer(OptionValues options) {
        OptionFields.write(options, this);
        postConfig();
    }

    /**
     * Validates the options.
     *
     * @throws PropertyException naming the first invalid option
     */
    @Override
    public void postConfig() {
        try {
            options(seed);
        } catch (InvalidOptionException e) {
            throw new PropertyException(e, "", e.option(), e.getMessage());
        }
    }

    /** The options of a training run with the given seed. */
    OptionValues options(long trainingSeed) {
        Map<String, String> texts = OptionFields.texts(this, NeuralProcessOptions.ALL);
        texts.put(NeuralProcessOptions.SEED.name(), Long.toString(trainingSeed));
        return NeuralProcessOptions.parse(texts);
    }

    @Override
    public NeuralProcessModel train(Dataset<Regressor> examples) {
        return train(examples, Collections.emptyMap(), INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public NeuralProcessModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    /**
     * Trains on a regression dataset.
     *
     * @throws IllegalArgumentException for a dataset without examples or features, or a value that is not finite
     */
    @Override
    public synchronized NeuralProcessModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (features.size() == 0 || examples.size() < 2) {
            throw new IllegalArgumentException("a neural process needs at least 2 examples with features, got "
                    + examples.size() + " examples and " + features.size() + " features");
        }
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        long trainingSeed = RunSeeds.forRun(seed, this.invocationCount);
        this.invocationCount++;

        ExampleConverter converter = new ExampleConverter(features, AbsentFeatures.ZERO, List.of(), List.of());
        Table table = converter.toRows(examples, new LongAdder()).table();
        InputEncoding encoding = InputEncoding.fit(table);
        ImmutableOutputInfo<Regressor> outputs = examples.getOutputIDInfo();
        NeuralProcessRegressor regressor = NeuralProcessRegressor.fit(encoding.encode(table),
                targets(examples, Regressor.extractNames(outputs)), options(trainingSeed));
        try {
            ModelProvenance provenance = new ModelProvenance(NeuralProcessModel.class.getName(),
                    OffsetDateTime.now(), examples.getProvenance(), trainerProvenance, runProvenance);
            return new NeuralProcessModel("neural-process-model", provenance, features, outputs, regressor,
                    encoding);
        } catch (RuntimeException e) {
            regressor.close();
            throw e;
        }
    }

    /** Each example's output values in the order of {@code names}. */
    private static double[][] targets(Dataset<Regressor> examples, String[] names) {
        double[][] y = new double[examples.size()][names.length];
        int r = 0;
        for (Example<Regressor> example : examples) {
            Regressor output = example.getOutput();
            for (int j = 0; j < names.length; j++) {
                int dimension = j;
                y[r][j] = output.getDimension(names[j]).orElseThrow(() -> new IllegalArgumentException("example "
                        + examples.getData().indexOf(example) + " has no output dimension '" + names[dimension]
                        + "'")).getValue();
            }
            r++;
        }
        return y;
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        this.invocationCount = RunSeeds.checkedCount(invocationCount);
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "NeuralProcessTrainer(" + options(seed).toTextMap() + ")";
    }
}
