package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.preprocess.NumericColumnModel;
import org.vae4j.vae.Vae;

/** {@code train --type COLUMN=TYPE} declares a numeric column's model as well as a column's data type. */
class ColumnTypeOptionTest {

    @TempDir
    Path dir;

    @Test
    void columnModelsGivenToTypeReachTheModel() throws IOException {
        Path data = Fixtures.csv(dir, "points.csv", 60);
        Path model = dir.resolve("points.vae");
        Cli.Result trained = Cli.run("train", "--data", data.toString(), "--class", "class", "--epochs", "1",
                "--type", "x1=unbounded", "--type", "x2=integer", "--type", "flag=categorical", "--out",
                model.toString());
        assertEquals(0, trained.code(), trained.all());
        try (Vae vae = Vae.load(model)) {
            NumericColumnModel x1 = vae.preprocessor().columnModels().get(vae.schema().indexOf("x1")).numeric();
            NumericColumnModel x2 = vae.preprocessor().columnModels().get(vae.schema().indexOf("x2")).numeric();
            assertFalse(x1.bounded(), x1.toString());
            assertTrue(x2.integer() && x2.bounded(), x2.toString());
            assertEquals("categorical", vae.schema().column(vae.schema().indexOf("flag")).type().name().toLowerCase());
        }
    }

    @Test
    void anUnknownColumnModelIsNamed() throws IOException {
        Path data = Fixtures.csv(dir, "points.csv", 60);
        Cli.Result result = Cli.run("train", "--data", data.toString(), "--epochs", "1", "--type", "x1=positiv",
                "--out", dir.resolve("m.vae").toString());
        assertNotEquals(0, result.code());
        assertTrue(result.err().contains("columnTypes") && result.err().contains("x1:positiv"), result.all());
    }
}
