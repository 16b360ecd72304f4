package org.vae4j.infer.coupled;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * The Markov kernel of the chains: conditional importance sampling (iterated sampling-importance-resampling)
 * with the target's proposal. From a state of N weighted particles, select one in proportion to its weight, keep
 * it, and draw N - 1 fresh particles beside it; the particle set with the kept one first is the next state. The
 * kept particle is distributed as the posterior whenever the previous kept one was, so the posterior (with the
 * fresh particles drawn from the proposal) is invariant. The coupled version gives two chains the same fresh
 * particles and couples their selections maximally: once both select the same fresh particle, their states are
 * equal from then on.
 */
final class ConditionalImportanceSampling {

    private ConditionalImportanceSampling() {}

    /** One chain's step: the particle selected with {@code uniform} (B) kept, N - 1 fresh ones drawn. */
    static ParticleSet step(ParticleSet state, ChainTarget target, NDArray uniform) {
        NDArray index = IndexChoice.sample(state.normalisedWeights(), uniform);
        return state.next(index, ParticleSet.fresh(target, state.particles() - 1));
    }

    /**
     * One step of both chains with the same fresh particles and maximally coupled selections.
     *
     * @param x the first chain's state
     * @param y the second chain's state; its particles after the first are {@code x}'s
     * @param met the rows (B, boolean) whose chains have met: their states are equal and must stay so
     * @param uniforms four uniforms in [0, 1) per row (4, B)
     */
    static CoupledStep coupledStep(ParticleSet x, ParticleSet y, NDArray met, ChainTarget target, NDArray uniforms) {
        NDArray[] indices = IndexChoice.maximalCoupling(x.normalisedWeights(), y.normalisedWeights(), uniforms);
        NDArray first = indices[0];
        NDArray second = NDArrays.where(met, first, indices[1]);
        ParticleSet fresh = ParticleSet.fresh(target, x.particles() - 1);
        NDArray sameFreshParticle = first.eq(second).logicalAnd(first.gte(1));
        return new CoupledStep(x.next(first, fresh), y.next(second, fresh), sameFreshParticle);
    }

    /**
     * The chains' states after a coupled step.
     *
     * @param x the first chain's next state
     * @param y the second chain's next state
     * @param selectedSameFresh the rows (B, boolean) where both selected the same shared fresh particle, so that
     *     the two next states are equal
     */
    record CoupledStep(ParticleSet x, ParticleSet y, NDArray selectedSameFresh) {}
}
