package org.vae4j.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.vae4j.cli.data.DataException;
import org.vae4j.cli.data.ImageDataset;

/**
 * The demo's Fashion-MNIST: the full set from a folder of the four IDX gz files (Debian's
 * dataset-fashion-mnist puts them in {@value #SYSTEM_DIR}), or the subset shipped in this jar (3000 training
 * and 1000 test images), copied to a temporary folder that closing removes.
 */
public final class DemoData implements AutoCloseable {

    /** Where Debian's dataset-fashion-mnist package installs the full set. */
    public static final String SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";

    /** The ten Fashion-MNIST classes, by label number. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String RESOURCES = "/org/vae4j/cli/demo/";
    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final List<String> FILES = List.of(TRAIN_IMAGES, "train-labels-idx1-ubyte.gz", TEST_IMAGES,
            "t10k-labels-idx1-ubyte.gz");

    private final Path dir;
    private final boolean shipped;

    private DemoData(Path dir, boolean shipped) {
        this.dir = dir;
        this.shipped = shipped;
    }

    /**
     * The data to use: {@code dir} if given, else the system folder if it holds the files, else the shipped
     * subset.
     *
     * @param dir a folder with the four files, or null to choose
     * @param forceSubset use the shipped subset even when the full set is installed
     */
    public static DemoData locate(Path dir, boolean forceSubset) throws IOException {
        if (dir != null) {
            return new DemoData(dir, false);
        }
        Path system = Path.of(SYSTEM_DIR);
        if (!forceSubset && FILES.stream().allMatch(f -> Files.isRegularFile(system.resolve(f)))) {
            return new DemoData(system, false);
        }
        Path temp = Files.createTempDirectory("vae4j-demo");
        for (String name : FILES) {
            try (InputStream in = DemoData.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new DataException("the shipped Fashion-MNIST subset is missing " + name + " (broken build?)");
                }
                Files.copy(in, temp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new DemoData(temp, true);
    }

    /** Whether this is the subset shipped in the jar. */
    public boolean shipped() {
        return shipped;
    }

    /** Where the files are read from (a temporary copy for the shipped subset). */
    public Path dir() {
        return dir;
    }

    /** The training images with named classes; {@code limit} images at most, -1 for all. */
    public ImageDataset train(int limit) throws IOException {
        return ImageDataset.read(dir.resolve(TRAIN_IMAGES), limit).withLabelNames(CLASSES);
    }

    /** The test images with named classes. */
    public ImageDataset test() throws IOException {
        return ImageDataset.read(dir.resolve(TEST_IMAGES), -1).withLabelNames(CLASSES);
    }

    /** Removes the temporary copy of the shipped subset. */
    @Override
    public void close() throws IOException {
        if (shipped) {
            for (String name : FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }
}
