package org.vae4j.infer;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import org.vae4j.dist.DiagonalNormal;

/**
 * The diagonal-Gaussian guide q(z | x [, y]) = N(mu(x, y), diag exp(logvar(x, y))): one inference network
 * maps a row (and its condition) to the variational parameters, so posterior inference for new rows is a
 * single forward pass. The network has one fused output head of width 2M (means, then log-variances): one
 * matrix product instead of two. It is the default guide and the base distribution flows transform.
 */
public final class GaussianGuide implements Guide {

    private final Block network;
    private final int latentDim;
    private final boolean maskInputs;
    /** Column slices of the fused head, built once: parsing an index string every step costs more than the slice. */
    private final NDIndex meanColumns;
    private final NDIndex logVarianceColumns;

    /**
     * @param network maps the guide's input to 2 * latentDim outputs; any DJL block (a custom encoder too)
     * @param latentDim M, the number of latent dimensions
     * @param maskInputs whether the observation mask is appended to the input (for data with missing cells)
     */
    public GaussianGuide(Block network, int latentDim, boolean maskInputs) {
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent dimension must be >= 1, got " + latentDim);
        }
        this.network = network;
        this.latentDim = latentDim;
        this.maskInputs = maskInputs;
        this.meanColumns = new NDIndex().addAllDim().addSliceDim(0, latentDim);
        this.logVarianceColumns = new NDIndex().addAllDim().addSliceDim(latentDim, 2L * latentDim);
    }

    @Override
    public Block network() {
        return network;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    /** Whether the observation mask is part of the input. */
    public boolean maskInputs() {
        return maskInputs;
    }

    /** The input width for rows of encoded width {@code dataWidth} and {@code conditionWidth} levels. */
    public int inputWidth(int dataWidth, int conditionWidth) {
        return dataWidth * (maskInputs ? 2 : 1) + conditionWidth;
    }

    @Override
    public DiagonalNormal posterior(ParameterStore parameters, Batch batch, boolean training) {
        return fromOutput(network.forward(parameters, new NDList(input(batch)), training).singletonOrThrow());
    }

    /** The network's input for a batch: the rows, then their observation mask, then their condition. */
    public NDArray input(Batch batch) {
        List<NDArray> parts = new ArrayList<>(3);
        parts.add(batch.x());
        if (maskInputs) {
            parts.add(batch.mask() != null ? batch.mask() : batch.x().onesLike());
        }
        if (batch.condition() != null) {
            parts.add(batch.condition());
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 1);
    }

    /** The posterior the network's output describes (means in the first M columns, log-variances after). */
    public DiagonalNormal fromOutput(NDArray out) {
        return new DiagonalNormal(out.get(meanColumns), out.get(logVarianceColumns));
    }
}
