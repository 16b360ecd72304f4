package org.vae4j.cli.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/** A data file read and typed: its columns, and its rows as a {@link Table} for any choice of columns. */
public interface Dataset {

    /** The file it was read from. */
    Path source();

    /** The typed columns, in file order. */
    List<Column> columns();

    /** Number of rows. */
    int rows();

    /** Warnings about how the file was read (one sentence each), for the user; empty when all went as written. */
    default List<String> warnings() {
        return List.of();
    }

    /** The column that holds class labels when the format says so (IDX labels), else empty. */
    Optional<String> defaultClass();

    /**
     * The rows with the schema's feature columns (and condition column, if any), matched by name.
     *
     * @throws DataException naming the file and column when a column is absent or a condition is missing
     */
    Table table(Schema schema);

    /**
     * Each row's level index in a categorical or binary column, -1 where the cell is missing.
     *
     * @throws DataException when the column is absent
     */
    int[] levels(String column);

    /**
     * The classes of the rows in a categorical column.
     *
     * @throws DataException when the column is absent or holds no named levels
     */
    default ClassLabels classLabels(String column) {
        Column c = column(column);
        if (c.levels().isEmpty()) {
            throw new DataException(source() + ": column '" + column + "' is " + c.type()
                    + ", not a column of class labels");
        }
        return new ClassLabels(column, c.levels(), levels(column));
    }

    /**
     * The column with this name.
     *
     * @throws DataException naming the file and listing its columns when there is none
     */
    default Column column(String name) {
        for (Column c : columns()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new DataException(source() + ": no column '" + name + "' (columns: " + describe(columns()) + ")");
    }

    /** Column names for messages, shortened when there are many. */
    static String describe(List<Column> columns) {
        return describeNames(columns.stream().map(Column::name).toList());
    }

    /** Names or values for messages, comma-separated, shortened when there are many. */
    static String describeNames(List<String> names) {
        if (names.size() <= 12) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 5)) + ", ..., " + String.join(", ",
                names.subList(names.size() - 3, names.size())) + " (" + names.size() + " in all)";
    }
}
