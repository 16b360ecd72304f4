package org.vae4j.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.io.FileWriteException;

/** A picture is written whole or not at all, and a failure names the file. */
class ImageGridTest {

    @TempDir
    Path dir;

    @Test
    void aPictureThatCannotBeWrittenNamesTheFileAndLeavesNoPartialPng() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Path blocked = Files.createDirectories(dir.resolve("loss.png"));
        FileWriteException e = assertThrows(FileWriteException.class, () -> ImageGrid.write(image, blocked));
        assertEquals("could not write " + blocked + ": it is a folder", e.getMessage());
        Path old = Files.writeString(dir.resolve("samples.png"), "an older picture");
        ImageGrid.write(image, old);
        assertTrue(Files.size(old) > 0);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("loss.png", "samples.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
