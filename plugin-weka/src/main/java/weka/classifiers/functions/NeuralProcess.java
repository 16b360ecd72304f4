package weka.classifiers.functions;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;

import org.vae4j.np.Prediction;
import org.vae4j.weka.NeuralProcessSettings;
import org.vae4j.weka.NeuralProcessSettingsHandler;
import org.vae4j.weka.TrainedNeuralProcess;

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
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;

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
    private int m_Seed = 1;
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
    public Enumeration<Option> listOptions() {
        Vector<Option> result = new Vector<>(NeuralProcessSettings.listOptions());
        result.add(new Option("\tRandom seed.\n\t(default 1)", "S", 1, "-S <num>"));
        result.addAll(Collections.list(super.listOptions()));
        return result.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        m_Settings.setOptions(options);
        String seed = Utils.getOption('S', options);
        try {
            setSeed(seed.isEmpty() ? 1 : Integer.parseInt(seed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option -S: '" + seed + "' is not an integer", e);
        }
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        Vector<String> result = new Vector<>(m_Settings.getOptions());
        result.add("-S");
        result.add(Integer.toString(m_Seed));
        Collections.addAll(result, super.getOptions());
        return result.toArray(new String[0]);
    }

    /** Numeric, date and nominal attributes with missing values; a numeric class, which may be missing. */
    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capability.DATE_ATTRIBUTES);
        result.enable(Capability.NOMINAL_ATTRIBUTES);
        result.enable(Capability.MISSING_VALUES);
        result.enable(Capability.NUMERIC_CLASS);
        result.enable(Capability.DATE_CLASS);
        result.enable(Capability.MISSING_CLASS_VALUES);
        result.setMinimumNumberInstances(2);
        return result;
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
        result.setValue(Field.AUTHOR, "Marta Garnelo and Dan Rosenbaum and Chris J. Maddison and Tiago Ramalho "
                + "and David Saxton and Murray Shanahan and Yee Whye Teh and Danilo J. Rezende and S. M. Ali Eslami");
        result.setValue(Field.TITLE, "Conditional Neural Processes");
        result.setValue(Field.BOOKTITLE, "Proceedings of the 35th International Conference on Machine Learning");
        result.setValue(Field.YEAR, "2018");
        result.setValue(Field.URL, "https://arxiv.org/abs/1807.01613");
        TechnicalInformation latent = result.add(Type.MISC);
        latent.setValue(Field.AUTHOR, "Marta Garnelo and Jonathan Schwarz and Dan Rosenbaum and Fabio Viola and "
                + "Danilo J. Rezende and S. M. Ali Eslami and Yee Whye Teh");
        latent.setValue(Field.TITLE, "Neural Processes");
        latent.setValue(Field.HOWPUBLISHED, "ICML 2018 Workshop on Theoretical Foundations and Applications of "
                + "Deep Generative Models");
        latent.setValue(Field.YEAR, "2018");
        latent.setValue(Field.URL, "https://arxiv.org/abs/1807.01622");
        TechnicalInformation attentive = result.add(Type.INPROCEEDINGS);
        attentive.setValue(Field.AUTHOR, "Hyunjik Kim and Andriy Mnih and Jonathan Schwarz and Marta Garnelo and "
                + "S. M. Ali Eslami and Dan Rosenbaum and Oriol Vinyals and Yee Whye Teh");
        attentive.setValue(Field.TITLE, "Attentive Neural Processes");
        attentive.setValue(Field.BOOKTITLE, "7th International Conference on Learning Representations (ICLR)");
        attentive.setValue(Field.YEAR, "2019");
        attentive.setValue(Field.URL, "https://arxiv.org/abs/1901.05761");
        return result;
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
