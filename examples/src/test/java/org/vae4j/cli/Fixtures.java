package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small data files for the command-line tests. */
final class Fixtures {

    private Fixtures() {}

    /** A data file and a model trained on it. */
    record Trained(Path data, Path model) {}

    /**
     * {@code points.csv} ({@link #csv}, 30 rows) and {@code points.vae}, a small model (latent 2, hidden 8, one
     * epoch) trained on it with the extra train options, in {@code dir}; the test fails if training does.
     */
    static Trained trained(Path dir, String... trainOptions) throws IOException {
        Path data = csv(dir, "points.csv", 30);
        Path model = dir.resolve("points.vae");
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--latent", "2", "--hidden",
                "8", "--epochs", "1", "--out", model.toString()));
        args.addAll(List.of(trainOptions));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.all());
        return new Trained(data, model);
    }

    /**
     * A CSV of {@code rows} rows: numeric x1, x2 (two clusters by class), a categorical colour, a 0/1 flag,
     * and the class A or B.
     */
    static Path csv(Path dir, String name, int rows) throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        lines.add("x1,x2,colour,flag,class");
        String[] colours = {"red", "green", "blue"};
        for (int r = 0; r < rows; r++) {
            boolean b = r % 2 == 1;
            double x1 = (b ? 3 : -3) + random.nextGaussian();
            double x2 = (b ? -1 : 2) + 0.5 * random.nextGaussian();
            lines.add(String.format(Locale.ROOT, "%.4f,%.4f,%s,%d,%s", x1, x2, colours[random.nextInt(3)],
                    b ? 1 : 0, b ? "B" : "A"));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    /**
     * IDX images ({@code side x side}, three classes drawn as a bright row band at a class-dependent height)
     * and their labels, gzipped, named like MNIST's files with the given prefix ("train" or "t10k").
     */
    static Path idx(Path dir, String prefix, int count, int side) throws IOException {
        Random random = new Random(11);
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        try (DataOutputStream img = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)));
                DataOutputStream lab = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(labels)))) {
            img.writeInt(2051);
            img.writeInt(count);
            img.writeInt(side);
            img.writeInt(side);
            lab.writeInt(2049);
            lab.writeInt(count);
            for (int i = 0; i < count; i++) {
                int label = i % 3;
                lab.writeByte(label);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        boolean band = y / (side / 3) == label;
                        img.writeByte(band ? 200 + random.nextInt(56) : random.nextInt(30));
                    }
                }
            }
        }
        return images;
    }
}
