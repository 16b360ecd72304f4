package weka.filters.unsupervised.attribute;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.SplittableRandom;
import java.util.Vector;

import org.vae4j.data.Table;
import org.vae4j.vae.Posterior;
import org.vae4j.vae.RowSeeds;
import org.vae4j.vae.Vae;
import org.vae4j.weka.InstancesSchema;
import org.vae4j.weka.VaeFilter;

import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;
import weka.filters.UnsupervisedFilter;

/**
 * <!-- globalinfo-start --> Trains a variational autoencoder (VAE) on the first batch and replaces the
 * attributes with latent features, or outputs the VAE's reconstruction, imputation or anomaly score.
 * <!-- globalinfo-end -->
 *
 * <p>Numeric, date and nominal attributes are modelled natively by a mixed likelihood (Gaussian,
 * Bernoulli, categorical) and missing values are skipped by it, not imputed beforehand. The class
 * attribute, if set, is not modelled: it is copied unchanged (last, for latent outputs and the anomaly
 * score). Later batches are passed through the trained network without retraining; an empty first batch
 * trains nothing, so the next batch is the one trained on.
 *
 * <p>A row's output depends only on the trained network, the seed and the row itself, never on the other
 * rows of its batch: random draws (a posterior sample, the importance samples of the anomaly score) come
 * from a seed mixed from the filter's seed and the row's values. The same row therefore gets the same
 * output in the first batch, in a later batch and on its own, as a FilteredClassifier hands it over at
 * test time.
 */
public class VariationalAutoencoder extends VaeFilter implements UnsupervisedFilter {

    private static final long serialVersionUID = 1L;

    /** Output the posterior means of the latent variables. */
    public static final int OUTPUT_MEANS = 0;
    /** Output the posterior means and standard deviations. */
    public static final int OUTPUT_MEANS_AND_STD = 1;
    /** Output one sample from the posterior. */
    public static final int OUTPUT_SAMPLE = 2;
    /** Output the reconstruction of every attribute. */
    public static final int OUTPUT_RECONSTRUCTION = 3;
    /** Output the input with only its missing values filled in from the reconstruction. */
    public static final int OUTPUT_IMPUTATION = 4;
    /** Output the input plus an anomaly score (negative log-likelihood). */
    public static final int OUTPUT_ANOMALY_SCORE = 5;

    /** The output types. */
    public static final Tag[] TAGS_OUTPUT = {
        new Tag(OUTPUT_MEANS, "means", "Latent means", false),
        new Tag(OUTPUT_MEANS_AND_STD, "means-and-std", "Latent means and standard deviations", false),
        new Tag(OUTPUT_SAMPLE, "sample", "One posterior sample", false),
        new Tag(OUTPUT_RECONSTRUCTION, "reconstruction", "Reconstruction (denoised attributes)", false),
        new Tag(OUTPUT_IMPUTATION, "imputation", "Input with missing values imputed", false),
        new Tag(OUTPUT_ANOMALY_SCORE, "anomaly-score", "Input plus anomaly score", false),
    };

    private static final int DEFAULT_SAMPLES = 50;

    private int m_Output = OUTPUT_MEANS;
    private int m_ImportanceSamples = DEFAULT_SAMPLES;
    private InstancesSchema m_Schema;

    /**
     * Returns a string describing this filter.
     *
     * @return a description suitable for the GUI
     */
    @Override
    public String globalInfo() {
        return "Trains a variational autoencoder (VAE) on the first batch of data and replaces the attributes "
                + "with latent features (posterior means, optionally with standard deviations, or a posterior "
                + "sample), like PrincipalComponents but non-linear and with numeric, nominal and missing "
                + "values modelled natively. It can instead output the VAE's reconstruction of the attributes, "
                + "the input with missing values imputed, or the input plus an anomaly score (the negative "
                + "log-likelihood of each instance); the class attribute is never used and is copied unchanged."
                + "\n\nFor more information see:\n\n" + getTechnicalInformation().toString();
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> result = new Vector<>();
        StringBuilder types = new StringBuilder();
        for (Tag tag : TAGS_OUTPUT) {
            types.append("\t").append(tag.getIDStr()).append(": ").append(tag.getReadable()).append("\n");
        }
        result.add(new Option("\tWhat to output:\n" + types + "\t(default " + TAGS_OUTPUT[OUTPUT_MEANS].getIDStr()
                + ")", "output", 1, "-output <type>"));
        result.add(new Option("\tImportance samples for the anomaly score.\n\t(default " + DEFAULT_SAMPLES + ")",
                "K", 1, "-K <num>"));
        result.addAll(Collections.list(super.listOptions()));
        return result.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        String output = Utils.getOption("output", options);
        setOutputType(new SelectedTag(output.isEmpty() ? TAGS_OUTPUT[OUTPUT_MEANS].getIDStr() : output, TAGS_OUTPUT));
        String samples = Utils.getOption('K', options);
        try {
            setImportanceSamples(samples.isEmpty() ? DEFAULT_SAMPLES : Integer.parseInt(samples));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option -K: '" + samples + "' is not an integer", e);
        }
        super.setOptions(options);
        Utils.checkForRemainingOptions(options);
    }

    @Override
    public String[] getOptions() {
        Vector<String> result = new Vector<>();
        result.add("-output");
        result.add(getOutputType().getSelectedTag().getIDStr());
        result.add("-K");
        result.add(Integer.toString(m_ImportanceSamples));
        Collections.addAll(result, super.getOptions());
        return result.toArray(new String[0]);
    }

    /**
     * Sets what the filter outputs.
     *
     * @param value one of {@link #TAGS_OUTPUT}
     */
    public void setOutputType(SelectedTag value) {
        if (value.getTags() == TAGS_OUTPUT) {
            m_Output = value.getSelectedTag().getID();
        }
    }

    /** @return what the filter outputs */
    public SelectedTag getOutputType() {
        return new SelectedTag(m_Output, TAGS_OUTPUT);
    }

    /** @return tip text for the output type */
    public String outputTypeTipText() {
        return "What to output: latent means (default), means and standard deviations, one posterior sample, "
                + "the reconstruction of every attribute, the input with missing values imputed, or the input "
                + "plus an anomaly score (before the class, which stays last). A row's sample and score depend "
                + "only on the seed and the row, not on the rows filtered with it.";
    }

    /**
     * Sets the number of importance samples for the anomaly score.
     *
     * @param value at least 1
     * @throws IllegalArgumentException for a value below 1
     */
    public void setImportanceSamples(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("option -K (importance samples) must be >= 1, got " + value);
        }
        m_ImportanceSamples = value;
    }

    /** @return the number of importance samples for the anomaly score */
    public int getImportanceSamples() {
        return m_ImportanceSamples;
    }

    /** @return tip text for the number of importance samples */
    public String importanceSamplesTipText() {
        return "Importance samples per instance for the anomaly score: more give a tighter estimate of the "
                + "log-likelihood at a proportional cost.";
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.enable(Capability.NOMINAL_CLASS);
        result.enable(Capability.NUMERIC_CLASS);
        result.enable(Capability.DATE_CLASS);
        result.enable(Capability.MISSING_CLASS_VALUES);
        result.enable(Capability.NO_CLASS);
        return result;
    }

    @Override
    protected Instances determineOutputFormat(Instances inputFormat) {
        m_Schema = InstancesSchema.unconditional(inputFormat);
        if (m_Output == OUTPUT_RECONSTRUCTION || m_Output == OUTPUT_IMPUTATION) {
            return new Instances(inputFormat, 0);
        }
        ArrayList<Attribute> attributes = new ArrayList<>();
        if (m_Output == OUTPUT_ANOMALY_SCORE) {
            for (int index : m_Schema.features()) {
                attributes.add((Attribute) inputFormat.attribute(index).copy());
            }
            attributes.add(new Attribute("anomaly_score"));
            return withClassLast(attributes, inputFormat);
        }
        int latent = getLatentDim();
        for (int j = 1; j <= latent; j++) {
            attributes.add(new Attribute("z" + j));
        }
        if (m_Output == OUTPUT_MEANS_AND_STD) {
            for (int j = 1; j <= latent; j++) {
                attributes.add(new Attribute("z" + j + "_std"));
            }
        }
        return withClassLast(attributes, inputFormat);
    }

    /** The given attributes followed by a copy of the class (if set), as PrincipalComponents lays out its output. */
    private static Instances withClassLast(ArrayList<Attribute> attributes, Instances inputFormat) {
        if (inputFormat.classIndex() >= 0) {
            attributes.add((Attribute) inputFormat.classAttribute().copy());
        }
        Instances result = new Instances(inputFormat.relationName() + "_vae", attributes, 0);
        if (inputFormat.classIndex() >= 0) {
            result.setClassIndex(attributes.size() - 1);
        }
        return result;
    }

    @Override
    protected Instances process(Instances instances) throws Exception {
        Table table = toTable(m_Schema, instances);
        Vae vae = isFirstBatchDone() ? model() : train(table);
        Instances output = new Instances(getOutputFormat(), instances.numInstances());
        double[][] rows = switch (m_Output) {
            case OUTPUT_MEANS -> withClass(vae.encodeMeans(table), instances);
            case OUTPUT_MEANS_AND_STD -> withClass(vae.encode(table).meansThenStds(), instances);
            case OUTPUT_SAMPLE -> withClass(posteriorSamples(vae, table), instances);
            case OUTPUT_ANOMALY_SCORE -> withClass(featuresAndScores(vae, table, instances), instances);
            default -> reconstructed(vae.reconstruct(table), table, instances);
        };
        for (int r = 0; r < rows.length; r++) {
            output.add(new DenseInstance(instances.instance(r).weight(), rows[r]));
        }
        return output;
    }

    /** One draw z ~ q(z | x) per row, from the row's own seed (see {@link RowSeeds}). */
    private double[][] posteriorSamples(Vae vae, Table table) {
        Posterior posterior = vae.encode(table);
        long[] seeds = RowSeeds.of(getSeed(), table);
        double[][] z = new double[table.rows()][];
        for (int r = 0; r < z.length; r++) {
            SplittableRandom random = new SplittableRandom(seeds[r]);
            z[r] = posterior.mean()[r].clone();
            for (int j = 0; j < z[r].length; j++) {
                z[r][j] += posterior.std()[r][j] * random.nextGaussian();
            }
        }
        return z;
    }

    /**
     * Each row's modelled attributes followed by its anomaly score. The rows are scored together, but each
     * draws its importance samples from its own seed (see {@link RowSeeds}), so that a score does not depend
     * on the rows batched with it.
     */
    private double[][] featuresAndScores(Vae vae, Table table, Instances instances) {
        int[] features = m_Schema.features();
        double[] scores = vae.anomalyScore(table, m_ImportanceSamples, RowSeeds.of(getSeed(), table));
        double[][] rows = new double[table.rows()][features.length + 1];
        for (int r = 0; r < rows.length; r++) {
            Instance row = instances.instance(r);
            for (int c = 0; c < features.length; c++) {
                rows[r][c] = row.value(features[c]);
            }
            rows[r][features.length] = scores[r];
        }
        return rows;
    }

    /** The given leading values of each row, then its class value if a class is set. */
    private double[][] withClass(double[][] leading, Instances instances) {
        int width = getOutputFormat().numAttributes();
        double[][] rows = new double[leading.length][width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(leading[r], 0, rows[r], 0, leading[r].length);
            if (instances.classIndex() >= 0) {
                rows[r][width - 1] = instances.instance(r).classValue();
            }
        }
        return rows;
    }

    private double[][] reconstructed(Table reconstruction, Table input, Instances instances) {
        int[] features = m_Schema.features();
        double[][] rows = new double[instances.numInstances()][];
        for (int r = 0; r < rows.length; r++) {
            Instance original = instances.instance(r);
            rows[r] = original.toDoubleArray();
            double[] decoded = rows[r].clone();
            m_Schema.copyFeatures(reconstruction, r, decoded);
            for (int c = 0; c < features.length; c++) {
                if (m_Output == OUTPUT_RECONSTRUCTION || input.isMissing(r, c)) {
                    rows[r][features[c]] = decoded[features[c]];
                }
            }
        }
        return rows;
    }

    /**
     * Runs the filter from the command line.
     *
     * @param args the filter's options and Weka's filter options (-i, -o, -c, -b, ...)
     */
    public static void main(String[] args) {
        runFilter(new VariationalAutoencoder(), args);
    }
}
