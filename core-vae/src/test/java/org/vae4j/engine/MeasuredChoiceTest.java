package org.vae4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The choice goes to the faster of two fakes on a fake clock, whichever comes first, a near tie to the
 * second, is remembered per key, and every result not returned is discarded.
 */
class MeasuredChoiceTest {

    /** A clock that each fake way advances by its cost. */
    private long now;

    private Supplier<String> way(String name, long costNanos, List<String> calls) {
        return () -> {
            now += costNanos;
            calls.add(name);
            return name + calls.size();
        };
    }

    @Test
    void picksTheFasterWayAndThenRunsOnlyIt() {
        MeasuredChoice<String> choice = new MeasuredChoice<>(() -> now, 2, 0.1);
        List<String> calls = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        String result = choice.run("784x400", way("slow", 30, calls), way("fast", 20, calls), discarded::add);
        assertTrue(result.startsWith("fast"), result);
        assertFalse(choice.choiceFor("784x400"));
        assertEquals(6, calls.size(), "one warm-up and two timed runs of each");
        assertEquals(5, discarded.size(), "all results but the returned one");
        assertFalse(discarded.contains(result));

        calls.clear();
        String again = choice.run("784x400", way("slow", 30, calls), way("fast", 20, calls), discarded::add);
        assertEquals(List.of("fast"), calls, "a known key runs the winner only");
        assertTrue(again.startsWith("fast"));
    }

    @Test
    void theFirstWayWinsWhenItIsFasterAndKeysAreSeparate() {
        MeasuredChoice<String> choice = new MeasuredChoice<>(() -> now, 1, 0.1);
        List<String> calls = new ArrayList<>();
        assertTrue(choice.run("sparse", way("kernel", 5, calls), way("dense", 9, calls), r -> { }).startsWith("kernel"));
        assertTrue(choice.choiceFor("sparse"));
        assertNull(choice.choiceFor("dense input"), "another key is measured on its own");
        assertTrue(choice.run("dense input", way("kernel", 12, calls), way("dense", 9, calls), r -> { })
                .startsWith("dense"));
    }

    @Test
    void aNearTieGoesToTheSecondWayTheReference() {
        MeasuredChoice<String> choice = new MeasuredChoice<>(() -> now, 2, 0.1);
        List<String> calls = new ArrayList<>();
        assertTrue(choice.run("tie", way("kernel", 95, calls), way("dense", 100, calls), r -> { }).startsWith("dense"));
        assertFalse(choice.choiceFor("tie"));
    }

    @Test
    void refusesZeroRoundsAndMarginsOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new MeasuredChoice<String>(System::nanoTime, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new MeasuredChoice<String>(System::nanoTime, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new MeasuredChoice<String>(System::nanoTime, 1, Double.NaN));
    }
}
