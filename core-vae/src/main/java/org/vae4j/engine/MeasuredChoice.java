package org.vae4j.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Picks the faster of two ways to compute the same result by timing both on the real work, once per kind
 * of work (the key), and then runs only the winner. For choices no fixed rule gets right on every CPU: a
 * kernel that skips zeros beats the engine's dense product on one CPU family and loses on another, by
 * margins that depend on the input's density and the BLAS the engine was built with.
 *
 * <p>The first call for a key runs each way once to warm it up, then {@code rounds} times each in
 * alternation, and compares the best time of each (the least disturbed by other load). The second way is
 * the reference: the first is chosen only when it is faster by more than {@code margin}, so that near-ties,
 * which timing noise could tip either way from one run to the next, always give the reference's numbers.
 * Results not returned are handed to {@code discard} (to free native memory). Thread-safe; two threads may
 * both measure a new key, and the later decision stands.
 *
 * @param <K> what identifies a kind of work (shapes, a density class)
 */
public final class MeasuredChoice<K> {

    private final LongSupplier nanoClock;
    private final int rounds;
    private final double margin;
    private final Map<K, Boolean> firstIsFaster = new ConcurrentHashMap<>();

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param rounds timed runs of each way, after the warm-up, when a key is new
     * @param margin how much faster the first way must be to be chosen, as a fraction of the second's time
     */
    public MeasuredChoice(LongSupplier nanoClock, int rounds, double margin) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        this.nanoClock = nanoClock;
        this.rounds = rounds;
        this.margin = margin;
    }

    /** The result of the faster way for {@code key}: measured now if the key is new, else remembered. */
    public <T> T run(K key, Supplier<T> first, Supplier<T> second, Consumer<T> discard) {
        Boolean known = firstIsFaster.get(key);
        if (known != null) {
            return known ? first.get() : second.get();
        }
        discard.accept(first.get());
        discard.accept(second.get());
        long bestFirst = Long.MAX_VALUE;
        long bestSecond = Long.MAX_VALUE;
        T lastFirst = null;
        T lastSecond = null;
        for (int round = 0; round < rounds; round++) {
            discardIfSet(lastFirst, discard);
            long start = nanoClock.getAsLong();
            lastFirst = first.get();
            bestFirst = Math.min(bestFirst, nanoClock.getAsLong() - start);
            discardIfSet(lastSecond, discard);
            start = nanoClock.getAsLong();
            lastSecond = second.get();
            bestSecond = Math.min(bestSecond, nanoClock.getAsLong() - start);
        }
        boolean choice = bestFirst < (1 - margin) * bestSecond;
        firstIsFaster.put(key, choice);
        discard.accept(choice ? lastSecond : lastFirst);
        return choice ? lastFirst : lastSecond;
    }

    /** The decision for {@code key}: true for the first way, false for the second, null if not measured. */
    public Boolean choiceFor(K key) {
        return firstIsFaster.get(key);
    }

    private static <T> void discardIfSet(T result, Consumer<T> discard) {
        if (result != null) {
            discard.accept(result);
        }
    }
}
