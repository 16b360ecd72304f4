package org.vae4j.cli.data;

import java.io.Closeable;
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
 * An ARFF file read with Weka's own loader, one instance at a time. Numeric (and date) and nominal
 * attributes keep their declared types (nominal levels in declared order); string attributes are passed
 * on as text, to be typed like CSV columns; relational attributes are refused, since a bag of rows is not
 * a value vae4j can model. Weka's parse errors (which name the line) are passed on with the file name.
 */
public final class ArffReader implements TextTable {

    /** The cell text of a missing value, as in ARFF itself. */
    static final String MISSING = "?";

    private final Path file;
    private final List<String> names;
    private final Map<String, Column> declared;

    private ArffReader(Path file, List<String> names, Map<String, Column> declared) {
        this.file = file;
        this.names = List.copyOf(names);
        this.declared = Map.copyOf(declared);
    }

    /**
     * Reads the header of a file; its rows are read by {@link #read(RowHandler)}.
     *
     * @throws IOException if the file cannot be read
     * @throws DataException for a malformed header or a relational attribute
     */
    public static ArffReader open(Path file) throws IOException {
        Instances structure;
        try (StreamingLoader loader = loader(file)) {
            structure = structure(loader, file);
        }
        List<String> names = new ArrayList<>();
        Map<String, Column> declared = new HashMap<>();
        for (int a = 0; a < structure.numAttributes(); a++) {
            Attribute attribute = structure.attribute(a);
            if (attribute.isRelationValued()) {
                throw new DataException(file + ": attribute '" + attribute.name() + "' is relational (a bag of rows), "
                        + "which vae4j cannot model; remove it from the file, e.g. with Weka's Remove filter");
            }
            names.add(attribute.name());
            declare(attribute, declared);
        }
        return new ArffReader(file, names, declared);
    }

    @Override
    public Path source() {
        return file;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Map<String, Column> declared() {
        return declared;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (StreamingLoader loader = loader(file)) {
            Instances structure = structure(loader, file);
            String[] cells = new String[names.size()];
            int row = 0;
            for (Instance instance = next(loader, structure); instance != null; instance = next(loader, structure)) {
                for (int a = 0; a < cells.length; a++) {
                    cells[a] = cell(instance, a);
                }
                handler.row(cells, row++, 0);
            }
        }
    }

    private Instance next(ArffLoader loader, Instances structure) {
        try {
            return loader.getNextInstance(structure);
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage());
        }
    }

    private static String cell(Instance instance, int a) {
        if (instance.isMissing(a)) {
            return MISSING;
        }
        Attribute attribute = instance.attribute(a);
        return attribute.isNominal() || attribute.isString() ? instance.stringValue(a) : Double.toString(instance.value(a));
    }

    private static StreamingLoader loader(Path file) throws IOException {
        StreamingLoader loader = new StreamingLoader();
        loader.setFile(file.toFile());
        return loader;
    }

    private static Instances structure(ArffLoader loader, Path file) throws IOException {
        try {
            return loader.getStructure();
        } catch (IOException e) {
            throw new DataException(file + ": " + e.getMessage());
        }
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

    /** Weka's loader, with a way to close the file when reading stops before its end. */
    private static final class StreamingLoader extends ArffLoader implements Closeable {
        private static final long serialVersionUID = 1L;

        @Override
        public void close() throws IOException {
            if (m_sourceReader != null) {
                m_sourceReader.close();
                m_sourceReader = null;
            }
        }
    }
}
