package org.vae4j.cli.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vae4j.data.Column;

import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * Reads an ARFF file with Weka's own loader. Numeric and nominal attributes keep their declared types
 * (nominal levels in declared order); other attributes are passed on as text, to be typed like CSV
 * columns. Weka's parse errors (which name the line) are passed on with the file name.
 */
public final class ArffReader {

    /** The cell text of a missing value, as in ARFF itself. */
    static final String MISSING = "?";

    private ArffReader() {}

    /**
     * Reads the whole file.
     *
     * @throws IOException if the file cannot be read
     * @throws DataException for a malformed file
     */
    public static TextTable read(Path file) throws IOException {
        Instances data;
        try {
            ArffLoader loader = new ArffLoader();
            loader.setFile(file.toFile());
            data = loader.getDataSet();
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage());
        }
        List<String> names = new ArrayList<>();
        Map<String, Column> declared = new HashMap<>();
        for (int a = 0; a < data.numAttributes(); a++) {
            Attribute attribute = data.attribute(a);
            names.add(attribute.name());
            declare(attribute, declared);
        }
        List<String[]> rows = new ArrayList<>(data.numInstances());
        for (Instance instance : data) {
            String[] cells = new String[data.numAttributes()];
            for (int a = 0; a < cells.length; a++) {
                if (instance.isMissing(a)) {
                    cells[a] = MISSING;
                } else if (data.attribute(a).isNominal() || data.attribute(a).isString()) {
                    cells[a] = instance.stringValue(a);
                } else {
                    cells[a] = Double.toString(instance.value(a));
                }
            }
            rows.add(cells);
        }
        return new TextTable(file, names, rows, null, declared);
    }

    private static void declare(Attribute attribute, Map<String, Column> declared) {
        if (attribute.isNumeric()) {
            declared.put(attribute.name(), Column.numeric(attribute.name()));
        } else if (attribute.isNominal() && attribute.numValues() >= 2) {
            List<String> levels = new ArrayList<>();
            for (int v = 0; v < attribute.numValues(); v++) {
                levels.add(attribute.value(v));
            }
            declared.put(attribute.name(), Column.categorical(attribute.name(), levels));
        }
    }
}
