package org.vae4j.nn;

import java.util.Random;

/**
 * A block that draws the initial values of its own parameters from a seeded generator, because
 * {@code torch.nn.Linear}'s uniform draw does not suit them (a flow's gate that must start open, a masked
 * weight). {@link WeightInit#apply} hands such a block the generator instead of walking into it, so a whole
 * network is still initialised by one call and the same seed gives the same network.
 */
public interface SelfInitializing {

    /** Overwrites this block's (already allocated) parameters, and its children's, with draws from {@code random}. */
    void drawParameters(Random random);
}
