package weka.classifiers.functions;

import java.util.Arrays;
import java.util.Enumeration;

import org.vae4j.np.Prediction;
import org.vae4j.weka.NeuralProcessSettings;
import org.vae4j.weka.InstancesSchema;
import org.vae4j.weka.NeuralProcessSettingsHandler;
import org.vae4j.weka.SeededOptions;
import org.vae4j.weka.TrainedNeuralProcess;
import org.vae4j.weka.VaeReferences;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.ConditionalDensityEstimator;
import weka.classifiers.IntervalEstimator;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.Statistics;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;

/**
 * <!-- globalinfo-start --> A neural process for numeric classes: a network trained on random context / target
 * subsets of the training rows that predicts each new row's class as a Gaussian, with the training rows as
 * context (a seeded random subset of at most maxContext of them for large training sets). It gives a mean,
 * prediction intervals and the predictive density, a learned counterpart of a Gaussian process. Nominal
 * attributes are one-hot encoded, numeric ones standardised, and missing attribute values set to the training
 * mean (no level for a nominal attribute); rows with a missing class are left out of training. <!--
 * globalinfo-end -->
 */
public class NeuralProcess extends AbstractClassifier implements IntervalEstimator, ConditionalDensityEstimator,
        NeuralProcessSettingsHandler, Randomizable, TechnicalInformationHandler {

    private static final long serialVersionUID = 1L;

    private NeuralProcessSettings m_Settings = new NeuralProcessSettings();
    private int m_Seed = SeededOptions.DEFAULT_SEED;
    private TrainedNeuralProcess m_Model;
    /** The attribute values (class left out) of the last row predicted and its prediction: Evaluation asks
     * for the mean, interval and density of a row in turn. */
    private transient double[] m_LastValues;
    private transient Prediction m_LastPrediction;

    /** @return a description of the classifier for the GUI */
    public String globalInfo() {
        return "A neural process for numeric classes: a network trained on random context / target subsets of "
                + "the training rows that predicts each new row's class as a Gaussian, with the training rows as "
                + "context (a seeded random subset of at most maxContext of them for large training sets). It "
                + "gives a mean, prediction intervals and the predictive density, a learned counterpart of a "
                + "Gaussian process. Nominal attributes are one-hot encoded, numeric ones standardised, and missing "
                + "attribute values set to the training mean (no level for a nominal attribute); rows with a "
                + "missing class are left out of training.\n\nFor more information see:\n\n"
                + getTechnicalInformation();
    }

    @Override
    public NeuralProcessSettings neuralProcessSettings() {
        return m_Settings;
    }

    /** The options of {@code NeuralProcessOptions} but its seed, then {@code -S}, then a classifier's own. */
    @Override
    public Enumeration<Option> listOptions() {
        return SeededOptions.list(NeuralProcessSettings.listOptions(), super.listOptions());
    }

    /**
     * Sets the options; a malformed or out-of-range value is refused naming its option.
     *
     * @throws IllegalArgumentException naming the option
     */
    @Override
    public void setOptions(String[] options) throws Exception {
        setSeed(SeededOptions.read(m_Settings, options));
        super.setOptions(options);
    }

    /** The options as {@link #setOptions} reads them, every neural-process option written out. */
    @Override
    public String[] getOptions() {
        return SeededOptions.write(m_Settings, m_Seed, super.getOptions());
    }

    /** Numeric, date and nominal attributes with missing values; a numeric class, which may be missing. */
    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        InstancesSchema.enableAttributes(result);
        result.enable(Capability.NUMERIC_CLASS);
        result.enable(Capability.DATE_CLASS);
        result.enable(Capability.MISSING_CLASS_VALUES);
        result.setMinimumNumberInstances(2);
        return result;
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        return VaeReferences.neuralProcesses();
    }

    /**
     * Trains the neural process on the rows with a known class.
     *
     * @throws Exception if the data does not meet the capabilities (a nominal class, string attributes, ...)
     */
    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        if (m_Model != null) {
            m_Model.close();
            m_Model = null;
        }
        m_LastValues = null;
        m_LastPrediction = null;
        m_Model = TrainedNeuralProcess.train(data, m_Settings.toValues(m_Seed));
    }

    private synchronized Prediction predict(Instance row) {
        if (m_Model == null) {
            throw new IllegalStateException("the neural process has not been trained: call buildClassifier first");
        }
        double[] values = row.toDoubleArray();
        if (row.classIndex() >= 0) {
            values[row.classIndex()] = Double.NaN;
        }
        if (!Arrays.equals(values, m_LastValues)) {
            Instances one = new Instances(row.dataset(), 0);
            one.add(row);
            m_LastPrediction = m_Model.predict(one, 1);
            m_LastValues = values;
        }
        return m_LastPrediction;
    }

    /** The predictive mean of the class. */
    @Override
    public double classifyInstance(Instance instance) {
        return predict(instance).mean()[0][0];
    }

    /** The predictive mean of the class, as Weka's one-element distribution of a numeric class. */
    @Override
    public double[] distributionForInstance(Instance instance) {
        return new double[] {classifyInstance(instance)};
    }

    /** The central interval of the Gaussian predictive distribution holding {@code confidenceLevel} of its mass. */
    @Override
    public double[][] predictIntervals(Instance instance, double confidenceLevel) {
        Prediction prediction = predict(instance);
        double halfWidth = Statistics.normalInverse(0.5 + confidenceLevel / 2) * prediction.standardDeviation(0, 0);
        double mean = prediction.mean()[0][0];
        return new double[][] {{mean - halfWidth, mean + halfWidth}};
    }

    /** The natural log of the Gaussian predictive density of {@code value}. */
    @Override
    public double logDensity(Instance instance, double value) {
        return predict(instance).logDensity(new double[][] {{value}})[0];
    }

    @Override
    public void setSeed(int seed) {
        m_Seed = seed;
    }

    @Override
    public int getSeed() {
        return m_Seed;
    }

    /** @return the tip text of the seed */
    public String seedTipText() {
        return "Seed for the network's initialisation, the training tasks, the prediction context and the draws of z.";
    }

    @Override
    public String toString() {
        return m_Model == null ? "NeuralProcess: not trained" : "NeuralProcess (" + m_Settings.texts() + ", seed "
                + m_Seed + ")";
    }

    /**
     * Runs the classifier from the command line.
     *
     * @param args the options, see {@link #listOptions()}
     */
    public static void main(String[] args) {
        runClassifier(new NeuralProcess(), args);
    }
}
