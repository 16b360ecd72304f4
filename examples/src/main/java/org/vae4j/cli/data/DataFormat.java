package org.vae4j.cli.data;

import java.nio.file.Path;
import java.util.Locale;

/** The data file formats the command line reads, and how a format is guessed from a file name. */
public enum DataFormat {
    /** Comma-separated values with a header row. */
    CSV,
    /** Weka's attribute-relation file format. */
    ARFF,
    /** The MNIST image format (IDX), gzipped or not, with labels read from the sibling labels file. */
    IDX;

    /**
     * The format named by the file's extension: {@code .csv}, {@code .arff}, or an IDX name
     * ({@code *-idx3-ubyte[.gz]}, {@code *.idx[.gz]}).
     *
     * @throws DataException when the name says nothing; the message suggests --format
     */
    public static DataFormat guess(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".arff")) {
            return ARFF;
        }
        if (name.endsWith(".idx") || name.contains("idx3-ubyte")) {
            return IDX;
        }
        throw new DataException(file + ": cannot tell the format from the file name; give --format csv|arff|idx");
    }
}
