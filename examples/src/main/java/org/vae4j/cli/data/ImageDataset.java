package org.vae4j.cli.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.examples.IdxFiles;

/**
 * IDX images (pixels scaled to [0, 1], columns {@code pixel0, pixel1, ...}) with their labels as a
 * categorical column {@code label} when the sibling labels file exists ({@code *-images-idx3-ubyte*} ->
 * {@code *-labels-idx1-ubyte*}). Tables are built straight from the pixel block, without per-row copies.
 */
public final class ImageDataset implements Dataset {

    /** The name of the label column. */
    public static final String LABEL = "label";

    private final Path source;
    private final IdxFiles.Images images;
    private final int[] labels;
    private final Column labelColumn;
    private final List<Column> columns;

    private ImageDataset(Path source, IdxFiles.Images images, int[] labels, Column labelColumn) {
        this.source = source;
        this.images = images;
        this.labels = labels;
        this.labelColumn = labelColumn;
        List<Column> all = new ArrayList<>(pixelSchema().features());
        if (labelColumn != null) {
            all.add(labelColumn);
        }
        this.columns = List.copyOf(all);
    }

    /**
     * Reads images and, if its sibling file exists, their labels (named by number).
     *
     * @param limit the most images to read, or -1 for all
     * @throws DataException for a malformed file or a label count that does not match
     */
    public static ImageDataset read(Path file, int limit) throws IOException {
        IdxFiles.Images images = read(() -> IdxFiles.readImages(file, limit));
        Path labelFile = labelsFile(file);
        if (labelFile == null) {
            return new ImageDataset(file, images, null, null);
        }
        int[] labels = read(() -> IdxFiles.readLabels(labelFile, limit));
        if (labels.length != images.count()) {
            throw new DataException(labelFile + ": " + labels.length + " labels for " + images.count() + " images in " + file);
        }
        int classes = Math.max(2, IntStream.of(labels).max().orElse(0) + 1);
        List<String> names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new ImageDataset(file, images, labels, Column.categorical(LABEL, names));
    }

    /** The same images with the labels given these names (index = label number). */
    public ImageDataset withLabelNames(List<String> names) {
        if (labels == null) {
            throw new DataException(source + ": there are no labels to name");
        }
        return new ImageDataset(source, images, labels, Column.categorical(LABEL, names));
    }

    /** The schema of these images' pixel columns {@code pixel0, pixel1, ...} (without the label). */
    public Schema pixelSchema() {
        return Schema.numeric("pixel", images.width());
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public int rows() {
        return images.count();
    }

    @Override
    public Optional<String> defaultClass() {
        return labelColumn == null ? Optional.empty() : Optional.of(LABEL);
    }

    @Override
    public Table table(Schema schema) {
        if (!schema.features().equals(pixelSchema().features())) {
            throw new DataException(source + ": IDX images have the columns " + Dataset.describe(
                    pixelSchema().features()) + ", not " + Dataset.describe(schema.features()));
        }
        if (schema.isConditional()) {
            column(schema.condition().orElseThrow().name());
            return Table.ofNumeric(schema, images.pixels(), labels.clone());
        }
        return Table.ofNumeric(schema, images.pixels(), null);
    }

    @Override
    public int[] levels(String column) {
        column(column);
        if (!LABEL.equals(column)) {
            throw new DataException(source + ": column '" + column + "' holds pixels, not class labels");
        }
        return labels.clone();
    }

    /** The labels file beside an images file ({@code *-images-idx3*} -> {@code *-labels-idx1*}), or null if none. */
    static Path labelsFile(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("images-idx3")) {
            return null;
        }
        Path sibling = images.resolveSibling(name.replace("images-idx3", "labels-idx1"));
        return Files.isRegularFile(sibling) ? sibling : null;
    }

    private static <T> T read(IdxRead<T> reader) throws IOException {
        try {
            return reader.read();
        } catch (java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException(e.getMessage());
        }
    }

    /** One IDX read that may fail. */
    private interface IdxRead<T> {
        T read() throws IOException;
    }
}
