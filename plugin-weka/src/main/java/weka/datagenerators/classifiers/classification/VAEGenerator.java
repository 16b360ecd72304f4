package weka.datagenerators.classifiers.classification;

import java.io.File;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;

import org.vae4j.data.Column;
import org.vae4j.data.Table;
import org.vae4j.vae.TraversalGrid;
import org.vae4j.vae.Vae;
import org.vae4j.weka.IgnoredWeights;
import org.vae4j.weka.InstancesSchema;
import org.vae4j.weka.TrainedVae;
import org.vae4j.weka.VaeReferences;
import org.vae4j.weka.VaeSettings;
import org.vae4j.weka.VaeSettingsHandler;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.datagenerators.ClassificationGenerator;

/**
 * <!-- globalinfo-start --> Generates synthetic instances from a variational autoencoder: a saved vae4j
 * model file, or one trained first on a given data file. <!-- globalinfo-end -->
 *
 * <p>When trained on a data file whose class is nominal (with at least two values), the VAE is conditional,
 * else it models the class like any other attribute. A conditional VAE's instances follow the
 * training class distribution, or all belong to one chosen class value; training rows without a class
 * value are skipped, and their number is printed on standard error and in the ARFF prologue. The generated
 * data has the original attributes, types and nominal values (a nominal attribute without values, which
 * can only be missing, is generated missing).
 *
 * <p>With {@code -traverse N} it generates latent traversals instead of samples: row N of the training file is
 * encoded to its posterior mean, and for each latent dimension in turn {@code -n} instances are decoded with that
 * dimension swept over [-3, 3] and the others held, dimension after dimension (a conditional VAE decodes them
 * with the row's class). Looking at which attributes move with which dimension shows what each one encodes.
 */
public class VAEGenerator extends ClassificationGenerator
        implements VaeSettingsHandler, TechnicalInformationHandler {

    private static final long serialVersionUID = 1L;

    private static final String DEFAULT_CLASS_INDEX = "last";

    private static final String TRAVERSE_DESCRIPTION = "Instead of sampling, generate the latent traversals of this "
            + "row of the training file (counted from 1; 0 samples): for each latent dimension in turn, -n "
            + "instances decoded with it swept over [-3, 3] and the other dimensions at the row's code.";

    private final VaeSettings m_Settings = new VaeSettings();
    private File m_ModelFile = noFile();
    private File m_TrainingFile = noFile();
    private String m_ClassIndex = DEFAULT_CLASS_INDEX;
    private String m_ClassValue = "";
    private int m_TraverseRow;
    private transient Instances m_Generated;
    private transient int m_Next;
    /** Rows of the training file left out for want of a class value. */
    private transient int m_SkippedRows;

    /**
     * Returns a string describing this data generator.
     *
     * @return a description suitable for the GUI
     */
    public String globalInfo() {
        return "Generates synthetic instances with a variational autoencoder (VAE), either from a saved vae4j "
                + "model file or from a VAE trained first on a data file (ARFF, CSV, ...). With a nominal class "
                + "in the data file the VAE is conditional: the instances follow the class distribution of the "
                + "data, or all have the chosen class value; they keep the original attribute types and values."
                + "\n\nFor more information see:\n\n" + getTechnicalInformation().toString();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        return VaeReferences.conditionalVariationalAutoencoder();
    }

    @Override
    public VaeSettings vaeSettings() {
        return m_Settings;
    }

    private static File noFile() {
        return new File(System.getProperty("user.dir"));
    }

    private static boolean isSet(File file) {
        return !file.isDirectory();
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> result = enumToVector(super.listOptions());
        result.add(new Option("\tA vae4j model file to generate from (instead of -training).", "model", 1,
                "-model <file>"));
        result.add(new Option("\tA data file to train a VAE on first (instead of -model).", "training", 1,
                "-training <file>"));
        result.add(new Option("\tThe class attribute of the training file: first, last, a 1-based index or none;"
                + "\n\ta nominal class makes the VAE conditional.\n\t(default " + DEFAULT_CLASS_INDEX + ")",
                "class", 1, "-class <index>"));
        result.add(new Option("\tGenerate only instances of this class value\n\t(default: follow the class "
                + "distribution of the training data).", "class-value", 1, "-class-value <value>"));
        result.add(new Option("\t" + TRAVERSE_DESCRIPTION + "\n\t(default 0: sample instead)", "traverse", 1,
                "-traverse <row>"));
        result.addAll(VaeSettings.listOptions());
        return result.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        String model = Utils.getOption("model", options);
        setModelFile(model.isEmpty() ? noFile() : new File(model));
        String training = Utils.getOption("training", options);
        setTrainingFile(training.isEmpty() ? noFile() : new File(training));
        String classIndex = Utils.getOption("class", options);
        setClassIndex(classIndex.isEmpty() ? DEFAULT_CLASS_INDEX : classIndex);
        setClassValue(Utils.getOption("class-value", options));
        String traverse = Utils.getOption("traverse", options);
        try {
            setTraverseRow(traverse.isEmpty() ? 0 : Integer.parseInt(traverse));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option -traverse: '" + traverse + "' is not a row number", e);
        }
        m_Settings.setOptions(options);
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        Vector<String> result = new Vector<>();
        Collections.addAll(result, super.getOptions());
        if (isSet(m_ModelFile)) {
            result.add("-model");
            result.add(m_ModelFile.getPath());
        }
        if (isSet(m_TrainingFile)) {
            result.add("-training");
            result.add(m_TrainingFile.getPath());
        }
        result.add("-class");
        result.add(m_ClassIndex);
        if (!m_ClassValue.isEmpty()) {
            result.add("-class-value");
            result.add(m_ClassValue);
        }
        if (m_TraverseRow != 0) {
            result.add("-traverse");
            result.add(Integer.toString(m_TraverseRow));
        }
        result.addAll(m_Settings.getOptions());
        return result.toArray(new String[0]);
    }

    /** @param file the vae4j model file to generate from (a directory means none) */
    public void setModelFile(File file) {
        m_ModelFile = file;
    }

    /** @return the vae4j model file to generate from (a directory means none) */
    public File getModelFile() {
        return m_ModelFile;
    }

    /** @return tip text for the model file */
    public String modelFileTipText() {
        return "A vae4j model file (saved by the vae4j command line or API) to generate from; leave it a "
                + "directory to train on the training file instead.";
    }

    /** @param file the data file to train a VAE on (a directory means none) */
    public void setTrainingFile(File file) {
        m_TrainingFile = file;
    }

    /** @return the data file to train a VAE on (a directory means none) */
    public File getTrainingFile() {
        return m_TrainingFile;
    }

    /** @return tip text for the training file */
    public String trainingFileTipText() {
        return "A data file (ARFF, CSV, ...) to train a VAE on before generating, with the network and training "
                + "settings below; used when no model file is given.";
    }

    /** @param value first, last, a 1-based attribute index, or none */
    public void setClassIndex(String value) {
        m_ClassIndex = value.trim();
    }

    /** @return the class attribute of the training file: first, last, a 1-based index, or none */
    public String getClassIndex() {
        return m_ClassIndex;
    }

    /** @return tip text for the class index */
    public String classIndexTipText() {
        return "The class attribute of the training file (first, last, a 1-based index, or none). A nominal class "
                + "conditions the VAE, so that generated instances can follow its distribution or one value; "
                + "rows without a class value are skipped (and counted).";
    }

    /** @param value the class value of all generated instances, or empty to follow the class distribution */
    public void setClassValue(String value) {
        m_ClassValue = value.trim();
    }

    /** @return the class value of all generated instances, or empty to follow the class distribution */
    public String getClassValue() {
        return m_ClassValue;
    }

    /** @return tip text for the class value */
    public String classValueTipText() {
        return "Generate only instances with this class value (conditional VAE only); empty follows the class "
                + "distribution of the training data.";
    }

    /** @param row the training-file row (from 1) whose latent traversals to generate, or 0 to sample */
    public void setTraverseRow(int row) {
        m_TraverseRow = row;
    }

    /** @return the training-file row (from 1) whose latent traversals are generated, or 0 to sample */
    public int getTraverseRow() {
        return m_TraverseRow;
    }

    /** @return tip text for the traversed row */
    public String traverseRowTipText() {
        return TRAVERSE_DESCRIPTION;
    }

    /**
     * Loads or trains the VAE, generates the instances and defines their format.
     *
     * @return the format of the generated data
     * @throws Exception if neither file is given, a file cannot be read or the class value is unknown
     */
    @Override
    public Instances defineDataFormat() throws Exception {
        m_SkippedRows = 0;
        checkTraversal();
        InstancesSchema schema;
        TrainedVae model;
        Instances data = null;
        int classIndex = -1;
        if (isSet(m_ModelFile)) {
            model = TrainedVae.load(m_ModelFile.toPath());
            schema = InstancesSchema.of(model.vae().schema(), getRelationNameToUse());
            if (m_TraverseRow > 0) {
                data = trainingData();
            }
        } else if (isSet(m_TrainingFile)) {
            data = trainingData();
            classIndex = data.classIndex();
            if (canCondition(data)) {
                schema = InstancesSchema.conditional(data);
            } else {
                // An unconditional VAE models every attribute, a numeric or valueless class included.
                data.setClassIndex(-1);
                schema = InstancesSchema.unconditional(data);
            }
            IgnoredWeights.warnIfAny(data, "VAEGenerator");
            Table training = schema.trainingTable(data);
            m_SkippedRows = data.numInstances() - training.rows();
            if (m_SkippedRows > 0) {
                System.err.println("VAEGenerator: " + skippedRowsNote());
            }
            model = TrainedVae.train(training, m_Settings.toConfig(getSeed()), getDebug() ? System.err : null);
        } else {
            throw new IllegalArgumentException("VAEGenerator needs a model file (-model) or a training file "
                    + "(-training) to generate from");
        }
        try {
            m_Generated = schema.toInstances(m_TraverseRow > 0 ? traverse(model.vae(), schema, data)
                    : generate(model.vae()));
        } finally {
            model.close();
        }
        m_Generated.setRelationName(getRelationNameToUse());
        if (classIndex >= 0) {
            m_Generated.setClassIndex(classIndex);
        }
        m_Next = 0;
        setNumExamplesAct(m_Generated.numInstances());
        m_DatasetFormat = new Instances(m_Generated, 0);
        return getDatasetFormat();
    }

    /** Whether the class can condition a VAE: a nominal class with at least two values. */
    private static boolean canCondition(Instances data) {
        return data.classIndex() >= 0 && data.classAttribute().isNominal() && data.classAttribute().numValues() >= 2;
    }

    private Instances trainingData() throws Exception {
        Instances data = new DataSource(m_TrainingFile.getPath()).getDataSet();
        switch (m_ClassIndex) {
            case "none" -> data.setClassIndex(-1);
            case "first" -> data.setClassIndex(0);
            case "last" -> data.setClassIndex(data.numAttributes() - 1);
            default -> {
                int index;
                try {
                    index = Integer.parseInt(m_ClassIndex) - 1;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("option -class: '" + m_ClassIndex
                            + "' is not first, last, none or an attribute index", e);
                }
                if (index < 0 || index >= data.numAttributes()) {
                    throw new IllegalArgumentException("option -class: attribute index " + m_ClassIndex
                            + " is not between 1 and " + data.numAttributes());
                }
                data.setClassIndex(index);
            }
        }
        if (m_TraverseRow > data.numInstances()) {
            throw new IllegalArgumentException("option -traverse: row " + m_TraverseRow + " does not exist; "
                    + m_TrainingFile + " has " + data.numInstances() + " rows");
        }
        return data;
    }

    /**
     * Checks the traversal options before any training.
     *
     * @throws IllegalArgumentException naming the option that does not fit a traversal
     */
    private void checkTraversal() {
        if (m_TraverseRow < 0) {
            throw new IllegalArgumentException("option -traverse: row " + m_TraverseRow + " does not exist; rows "
                    + "count from 1 (0 samples instead)");
        }
        if (m_TraverseRow == 0) {
            return;
        }
        if (!isSet(m_TrainingFile)) {
            throw new IllegalArgumentException("option -traverse needs the training file (-training) whose row it "
                    + "traverses");
        }
        if (!m_ClassValue.isEmpty()) {
            throw new IllegalArgumentException("option -class-value does not apply with -traverse: the row is "
                    + "decoded with its own class");
        }
        if (getNumExamples() < 2) {
            throw new IllegalArgumentException("option -n: a traversal needs at least 2 instances per latent "
                    + "dimension, got " + getNumExamples());
        }
    }

    /** The traversals of row {@link #m_TraverseRow} of {@code data}, -n steps over [-3, 3] per latent dimension. */
    private Table traverse(Vae vae, InstancesSchema schema, Instances data) {
        Table row = schema.toTable(new Instances(data, m_TraverseRow - 1, 1), m_TraverseRow);
        TraversalGrid grid = new TraversalGrid(TraversalGrid.DEFAULT.from(), TraversalGrid.DEFAULT.to(),
                getNumExamples());
        return vae.traverse(row, 0, grid).allRows();
    }

    private Table generate(Vae vae) {
        if (m_ClassValue.isEmpty()) {
            return vae.generate(getNumExamples(), getSeed());
        }
        Column condition = vae.schema().condition().orElseThrow(() -> new IllegalArgumentException(
                "option -class-value needs a VAE conditioned on a nominal class, but this one has no class"));
        return vae.generate(getNumExamples(), condition.levelIndex(m_ClassValue), getSeed());
    }

    /**
     * Returns the next generated instance.
     *
     * @throws IllegalStateException if the format was not defined or all instances were returned
     */
    @Override
    public Instance generateExample() {
        if (m_Generated == null || m_Next >= m_Generated.numInstances()) {
            throw new IllegalStateException("call defineDataFormat() before generating (again)");
        }
        return m_Generated.instance(m_Next++);
    }

    @Override
    public Instances generateExamples() {
        Instances result = new Instances(m_DatasetFormat, getNumExamplesAct());
        for (int i = 0; i < getNumExamplesAct(); i++) {
            result.add(generateExample());
        }
        return result;
    }

    /** A note on the training rows skipped for want of a class value, if any; Weka writes it into the ARFF prologue. */
    @Override
    public String generateStart() {
        return m_SkippedRows == 0 ? "" : skippedRowsNote();
    }

    private String skippedRowsNote() {
        return "skipped " + m_SkippedRows + " training rows without a class value in " + m_TrainingFile
                + "; the VAE learned from the rest";
    }

    @Override
    public String generateFinished() {
        return "";
    }

    @Override
    public boolean getSingleModeFlag() {
        return true;
    }

    @Override
    public String getRevision() {
        return "vae4j";
    }

    /**
     * Runs the generator from the command line.
     *
     * @param args the generator's options
     */
    public static void main(String[] args) {
        runDataGenerator(new VAEGenerator(), args);
    }
}
