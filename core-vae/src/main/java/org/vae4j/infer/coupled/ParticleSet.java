package org.vae4j.infer.coupled;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * The state of one chain of conditional importance sampling, for every row at once: N particles per row, the
 * first the particle the chain kept from its previous state and the others fresh draws of the proposal, with
 * their importance weights p(x, z) / q(z | x). The chain's current latent is the particle it selects next, in
 * proportion to the weights; the state's test function is the self-normalised average over its particles.
 *
 * @param z the particles (N, B, M), detached
 * @param logWeight log p(x, z) - log q(z | x) of each particle (N, B), detached
 * @param logJoint log p(x, z) of each particle (N, B), with the model's gradient recorded
 */
record ParticleSet(NDArray z, NDArray logWeight, NDArray logJoint) {

    /** Fresh particles of the target: {@code count} draws per row of its proposal, weighted. */
    static ParticleSet fresh(ChainTarget target, int count) {
        ChainTarget.Proposals proposals = target.propose(count);
        NDArray logJoint = target.logJoint(proposals.z());
        return new ParticleSet(proposals.z(), logJoint.stopGradient().sub(proposals.logProposal()), logJoint);
    }

    /** N, the number of particles per row. */
    int particles() {
        return (int) logWeight.getShape().get(0);
    }

    /** The weights normalised over each row's particles (N, B), detached. */
    NDArray normalisedWeights() {
        return logWeight.softmax(0);
    }

    /**
     * The surrogate of the state's test function, per row (B): sum_s wbar_s log p(x, z_s) with the normalised
     * weights wbar detached, whose gradient is the self-normalised average of the particles' score functions.
     */
    NDArray surrogate() {
        return normalisedWeights().mul(logJoint).sum(new int[] {0});
    }

    /**
     * The next state: for each row, the particle at {@code index} (B, int64) kept in the first place and the
     * given fresh particles behind it.
     */
    ParticleSet next(NDArray index, ParticleSet fresh) {
        NDArray rowIndex = index.toType(DataType.INT64, false).reshape(1, -1);
        NDArray latentIndex = rowIndex.expandDims(2).repeat(2, z.getShape().get(2));
        return new ParticleSet(NDArrays.concat(new NDList(z.gather(latentIndex, 0), fresh.z)),
                NDArrays.concat(new NDList(logWeight.gather(rowIndex, 0), fresh.logWeight)),
                NDArrays.concat(new NDList(logJoint.gather(rowIndex, 0), fresh.logJoint)));
    }

    /** The same particles for some of the rows only. */
    ParticleSet subset(RowSubset rows) {
        return new ParticleSet(rows.take(z, 1), rows.take(logWeight, 1), rows.take(logJoint, 1));
    }

    /** The particles after the first: the fresh draws of the state. */
    ParticleSet freshPart() {
        NDIndex rest = new NDIndex().addSliceDim(1, particles());
        return new ParticleSet(z.get(rest), logWeight.get(rest), logJoint.get(rest));
    }
}
