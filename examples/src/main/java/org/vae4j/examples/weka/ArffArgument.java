package org.vae4j.examples.weka;

import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/** The data-set argument the Weka example programs share: an ARFF file whose last attribute is the class. */
final class ArffArgument {

    private ArffArgument() {}

    /**
     * The data named by {@code args[0]}, with the class set to the last attribute; without it, prints
     * {@code usage} and exits with status 2.
     */
    static Instances dataOrExit(String[] args, String usage) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: " + usage);
            System.exit(2);
        }
        Instances data = DataSource.read(args[0]);
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }
}
