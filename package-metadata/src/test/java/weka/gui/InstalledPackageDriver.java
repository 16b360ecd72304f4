package weka.gui;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.WekaPackageManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.datagenerators.DataGenerator;
import weka.filters.Filter;

/**
 * Runs in a JVM that has only Weka on its class path: loads the installed packages, finds the vae4j
 * filter, generator and classifier the way the Explorer does, runs them and prints what happened (one result per line).
 * In package weka.gui to read the object editor's class lists.
 */
public final class InstalledPackageDriver {

    private static final String FILTER = "weka.filters.unsupervised.attribute.VariationalAutoencoder";
    private static final String GENERATOR = "weka.datagenerators.classifiers.classification.VAEGenerator";
    private static final String OBJECTIVE = "org.vae4j.weka.ObjectiveComponent";
    private static final String CLASSIFIER = "weka.classifiers.functions.NeuralProcess";

    private InstalledPackageDriver() {}

    /** @param args the path of iris.arff */
    public static void main(String[] args) throws Exception {
        WekaPackageManager.loadPackages(false, false, true);
        GenericObjectEditor.determineClasses();
        System.out.println("filters-listed " + listed("weka.filters.Filter", FILTER));
        System.out.println("generators-listed " + listed("weka.datagenerators.DataGenerator", GENERATOR));
        System.out.println("components-listed " + listed(OBJECTIVE, OBJECTIVE));
        System.out.println("classifiers-listed " + listed("weka.classifiers.Classifier", CLASSIFIER));

        Filter filter = (Filter) WekaPackageClassLoaderManager.objectForName(FILTER);
        System.out.println("loader " + filter.getClass().getClassLoader().getClass().getName());
        // The objective is looked up in the component registry, through the package's class loader.
        ((OptionHandler) filter).setOptions(Utils.splitOptions("-E 5 -L 2 -objective iwae:k=3"));
        System.out.println("objective " + List.of(((OptionHandler) filter).getOptions()).contains("iwae:k=3"));
        Instances iris = DataSource.read(args[0]);
        iris.setClassIndex(iris.numAttributes() - 1);
        filter.setInputFormat(iris);
        Instances filtered = Filter.useFilter(iris, filter);
        List<String> names = new ArrayList<>();
        for (int a = 0; a < filtered.numAttributes(); a++) {
            names.add(filtered.attribute(a).name());
        }
        System.out.println("filtered " + filtered.numInstances() + " " + names);

        DataGenerator generator = (DataGenerator) WekaPackageClassLoaderManager.objectForName(GENERATOR);
        generator.setOptions(Utils.splitOptions("-E 5 -n 12 -training " + Utils.quote(new File(args[0]).getPath())));
        Instances generated = generator.defineDataFormat();
        for (int i = 0; i < generator.getNumExamplesAct(); i++) {
            generated.add(generator.generateExample());
        }
        System.out.println("generated " + generated.numInstances() + " " + generated.numAttributes());

        // The neural process predicts petal width from the other attributes (the species one-hot encoded).
        Classifier classifier = (Classifier) WekaPackageClassLoaderManager.objectForName(CLASSIFIER);
        ((OptionHandler) classifier).setOptions(Utils.splitOptions("-model cnp -steps 3 -hidden 4 -representation 4"));
        iris.setClassIndex(3);
        classifier.buildClassifier(iris);
        System.out.println("classified " + Double.isFinite(classifier.classifyInstance(iris.instance(0))));
    }

    private static boolean listed(String superclass, String name) {
        String classes = GenericObjectEditor.EDITOR_PROPERTIES.getProperty(superclass, "");
        return List.of(classes.split(",")).contains(name);
    }
}
