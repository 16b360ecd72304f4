package org.vae4j.infer.coupled;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.LatentDistribution;
import org.vae4j.dist.LatentSample;
import org.vae4j.infer.Batch;
import org.vae4j.infer.Guide;
import org.vae4j.infer.Model;
import org.vae4j.infer.NoiseSource;

/**
 * The posteriors of a VAE's model for the rows of a mini-batch, with its guide q(z | x) as the proposal: the
 * joint is log p(x | z [, y]) + log p(z) under the model's current parameters, the proposals are the guide's
 * reparameterised draws, detached, so the chains' surrogate moves the model (decoder, prior, noise) only.
 */
public final class GuidedModelTarget implements ChainTarget {

    private final Guide guide;
    private final Model model;
    private final ParameterStore parameters;
    private final Batch batch;
    private final NoiseSource noise;
    private final LatentDistribution proposal;

    /**
     * @param guide the proposal's network, evaluated once for the batch
     * @param model the model whose posteriors are sampled
     * @param parameters the store the forward passes read
     * @param batch the rows
     * @param noise the source of the proposals' standard-normal noise
     */
    public GuidedModelTarget(Guide guide, Model model, ParameterStore parameters, Batch batch, NoiseSource noise) {
        this.guide = guide;
        this.model = model;
        this.parameters = parameters;
        this.batch = batch;
        this.noise = noise;
        this.proposal = guide.posterior(parameters, batch, true);
    }

    @Override
    public long rows() {
        return batch.size();
    }

    @Override
    public GuidedModelTarget subset(long[] positions) {
        RowSubset rows = new RowSubset(positions);
        Batch some = new Batch(rows.take(batch.x(), 0), batch.mask() == null ? null : rows.take(batch.mask(), 0),
                batch.condition() == null ? null : rows.take(batch.condition(), 0));
        return new GuidedModelTarget(guide, model, parameters, some, noise);
    }

    @Override
    public Proposals propose(int count) {
        Shape shape = proposal.shape();
        LatentSample sample = proposal.rsample(noise.standardNormal(batch.x().getManager(),
                new Shape(count, shape.get(0), shape.get(1))));
        return new Proposals(sample.z().stopGradient(), sample.logProb().stopGradient());
    }

    @Override
    public NDArray logJoint(NDArray z) {
        long count = z.getShape().get(0);
        long rows = batch.size();
        NDArray flat = z.reshape(count * rows, z.getShape().get(2));
        return model.logLikelihood(parameters, flat, batch.tiled(count), true)
                .add(model.priorLogProb(parameters, flat, true)).reshape(count, rows);
    }
}
