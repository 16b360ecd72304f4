package org.vae4j.weka;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The ARFF files under src/test/resources, as files and as data with the class set to the last attribute,
 * and the attribute names tests compare.
 */
public final class ArffFixtures {

    private ArffFixtures() {}

    /** The path of a test resource. */
    public static Path file(String name) {
        try {
            return Path.of(ArffFixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** A data set with its class set to the last attribute. */
    public static Instances load(String name) throws Exception {
        Instances data = DataSource.read(file(name).toString());
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    /** Reads an ARFF file written by a test. */
    public static Instances read(File file) throws Exception {
        return DataSource.read(file.getPath());
    }

    /** The names of a data set's attributes, in order. */
    public static List<String> attributeNames(Instances data) {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < data.numAttributes(); a++) {
            names.add(data.attribute(a).name());
        }
        return names;
    }
}
