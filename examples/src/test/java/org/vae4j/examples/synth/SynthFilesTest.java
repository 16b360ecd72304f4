package org.vae4j.examples.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.cli.data.DataException;

class SynthFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsOtherFilesInTheRealColumnsWithUnseenLevelsKept() throws Exception {
        Path real = Files.writeString(dir.resolve("real.arff"), """
                @relation r
                @attribute size numeric
                @attribute colour {red,green,blue}
                @data
                1,red
                2,green
                3.5,?
                """);
        Path synthetic = Files.writeString(dir.resolve("synthetic.csv"), "colour,size,extra\ngreen,4,x\npink,1,y\n"
                + "blue,,z\n");
        SynthTable r = SynthFiles.readReal(real, "colour");
        assertArrayEquals(new double[] {1, 2, 3.5}, r.values()[0]);
        assertEquals(1, r.indexOf("colour"));
        SynthTable s = SynthFiles.readLike(synthetic, r.columns(), "--synthetic");
        assertArrayEquals(new double[] {4, 1, Double.NaN}, s.values()[0]);
        // green is level 1 of the real column, blue level 2; pink, unknown to it, gets index 3.
        assertArrayEquals(new double[] {1, 3, 2}, s.values()[1]);
    }

    @Test
    void aFileWithoutARealColumnIsRefusedByName() throws Exception {
        Path real = Files.writeString(dir.resolve("real.csv"), "a,b\n1,x\n2,y\n");
        Path other = Files.writeString(dir.resolve("other.csv"), "a\n1\n");
        SynthTable r = SynthFiles.readReal(real, "b");
        DataException e = assertThrows(DataException.class, () -> SynthFiles.readLike(other, r.columns(), "--holdout"));
        assertTrue(e.getMessage().contains("--holdout " + other) && e.getMessage().contains("'b'"), e.getMessage());
    }
}
