package org.vae4j.cli.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vae4j.vae.Posterior;

/**
 * Writes posterior means as CSV columns {@code z0, z1, ...}, optionally followed by the standard deviations
 * ({@code z0_std, ...}) and by each row's class.
 */
public final class LatentsCsv {

    private LatentsCsv() {}

    /**
     * Writes the file atomically.
     *
     * @param labels the rows' classes (a last column named after the class column), or null
     */
    public static void write(Path file, Posterior posterior, boolean withStd, ClassLabels labels) throws IOException {
        int m = posterior.rows() == 0 ? 0 : posterior.mean()[0].length;
        List<String> header = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            header.add("z" + j);
        }
        for (int j = 0; withStd && j < m; j++) {
            header.add("z" + j + "_std");
        }
        if (labels != null) {
            header.add(labels.column());
        }
        CsvOutput.write(file, header, csv -> {
            for (int r = 0; r < posterior.rows(); r++) {
                List<String> row = new ArrayList<>(header.size());
                for (double v : posterior.mean()[r]) {
                    row.add(Float.toString((float) v));
                }
                for (int j = 0; withStd && j < m; j++) {
                    row.add(Float.toString((float) posterior.std()[r][j]));
                }
                if (labels != null) {
                    row.add(labels.name(r));
                }
                csv.row(row);
            }
        });
    }
}
