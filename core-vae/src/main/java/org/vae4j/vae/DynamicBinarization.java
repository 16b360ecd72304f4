package org.vae4j.vae;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.Batch;
import org.vae4j.preprocess.EncodedLayout;

/**
 * The training side of {@link VaeConfig#dynamicBinarization()}: every mini-batch's Bernoulli columns are
 * replaced by a fresh draw x ~ Bernoulli(value), a uniform u in [0, 1) per cell from the run's seeded
 * generator and x = [u < value]. The same seed gives the same draws, step after step. Binary columns share
 * the Bernoulli slice and keep their values (u < 0 never holds, u < 1 always does), as do missing cells
 * (their value is 0 and their mask 0).
 */
final class DynamicBinarization {

    private final SplittableRandom random;
    private final int from;
    private final int to;

    /** Binarization of the Bernoulli columns of {@code layout}, drawing from a generator seeded with {@code seed}. */
    DynamicBinarization(EncodedLayout layout, long seed) {
        this.random = new SplittableRandom(seed);
        this.from = layout.gaussianWidth();
        this.to = from + layout.bernoulliWidth();
    }

    /** The batch with its Bernoulli columns binarized; new arrays live on the batch's manager. */
    Batch draw(Batch batch) {
        if (from == to) {
            return batch;
        }
        NDArray x = batch.x();
        long rows = x.getShape().get(0);
        long width = x.getShape().get(1);
        float[] uniform = new float[Math.toIntExact(rows * (to - from))];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = random.nextFloat();
        }
        NDArray u = NativeArrays.copyOf(x.getManager(), FloatBuffer.wrap(uniform), new Shape(rows, to - from));
        NDArray drawn = u.lt(columns(x, from, to)).toType(DataType.FLOAT32, false);
        if (from == 0 && to == width) {
            return new Batch(drawn, batch.mask(), batch.condition());
        }
        NDList parts = new NDList();
        if (from > 0) {
            parts.add(columns(x, 0, from));
        }
        parts.add(drawn);
        if (to < width) {
            parts.add(columns(x, to, width));
        }
        return new Batch(NDArrays.concat(parts, 1), batch.mask(), batch.condition());
    }

    private static NDArray columns(NDArray x, long start, long end) {
        return x.get(new NDIndex().addAllDim().addSliceDim(start, end));
    }
}
