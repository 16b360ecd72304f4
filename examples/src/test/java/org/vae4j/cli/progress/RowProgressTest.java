package org.vae4j.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Progress lines name the task and the rows done, at most one per interval, none once the pass is done. */
class RowProgressTest {

    private static List<String> lines(double interval, int... done) {
        StringWriter text = new StringWriter();
        RowProgress progress = new RowProgress(new PrintWriter(text), "ll", 10, interval);
        for (int d : done) {
            progress.accept(d);
        }
        return text.toString().lines().toList();
    }

    @Test
    void linesNameTheRowsDoneUntilTheEnd() {
        List<String> lines = lines(0, 2, 5, 10);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(true, lines.get(1).startsWith("ll: 5/10 rows, left "), lines.get(1));
    }

    @Test
    void noLineWithinTheInterval() {
        assertEquals(List.of(), lines(3600, 2, 5, 9));
    }
}
