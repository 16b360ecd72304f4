package org.vae4j.tribuo;

import java.util.SplittableRandom;

/**
 * The seed of one training run of a trainer: the {@code count}-th draw from a generator seeded with the
 * trainer's seed. Tribuo replays a run by setting the invocation count, so a run's randomness must depend
 * on the count alone, not on what the trainer did before.
 */
final class RunSeeds {

    private RunSeeds() {}

    /** The seed of the run with the given (zero-based) invocation count. */
    static long forRun(long trainerSeed, int invocationCount) {
        SplittableRandom random = new SplittableRandom(trainerSeed);
        for (int i = 0; i < invocationCount; i++) {
            random.nextLong();
        }
        return random.nextLong();
    }

    /**
     * {@code invocationCount}, checked for a trainer's {@code setInvocationCount}.
     *
     * @throws IllegalArgumentException if it is negative
     */
    static int checkedCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("The supplied invocationCount is less than zero.");
        }
        return invocationCount;
    }
}
