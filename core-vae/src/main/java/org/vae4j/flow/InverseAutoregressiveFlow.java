package org.vae4j.flow;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import org.vae4j.engine.NativeArrays;
import org.vae4j.nn.AutoregressiveMasks;
import org.vae4j.nn.AutoregressiveNetwork;
import org.vae4j.nn.WeightInit;

/**
 * One step of inverse autoregressive flow (Kingma et al. 2016): a MADE network reads the draws z and the
 * encoder's context h and gives, for each dimension i, a shift m_i and a gate s_i that depend on h and on
 * z_j for the j before i only; the step is z' = sigma z + (1 - sigma) m with sigma = sigmoid(s), the
 * numerically stable, LSTM-like form of the paper, and its Jacobian is triangular with log |det| =
 * sum_i log sigma_i. All dimensions move in one parallel pass. Stacked steps alternate the order (natural,
 * then reversed), so that every dimension comes to depend on every other.
 *
 * <p>Following the paper's advice, the gates start mostly open: the gate half of the output bias is drawn
 * as usual and then raised by {@value #INITIAL_GATE_BIAS}, so that an untrained step changes z only a little.
 */
public final class InverseAutoregressiveFlow extends FlowStep {

    /** Added to the gate biases at initialisation: sigmoid(1) is about 0.73. */
    public static final float INITIAL_GATE_BIAS = 1f;

    private final int contextWidth;
    private final AutoregressiveNetwork network;
    private final NDIndex shifts;
    private final NDIndex gates;

    /**
     * @param latentDim M >= 1
     * @param contextWidth C, the width of the encoder's context (0 to depend on z alone)
     * @param hiddenWidth units in each of the MADE's two hidden layers, >= 1
     * @param reversed whether the step orders the dimensions M, ..., 1 instead of 1, ..., M
     */
    public InverseAutoregressiveFlow(int latentDim, int contextWidth, int hiddenWidth, boolean reversed) {
        super(latentDim);
        this.contextWidth = contextWidth;
        this.network = addChildBlock("made", new AutoregressiveNetwork(
                new AutoregressiveMasks(latentDim, hiddenWidth, reversed), latentDim, contextWidth, 2));
        this.shifts = new NDIndex("..., :{}", latentDim);
        this.gates = new NDIndex("..., {}:", latentDim);
    }

    @Override
    public Transformed push(ParameterStore parameters, NDArray z, NDArray context, boolean training) {
        if ((context == null) != (contextWidth == 0)) {
            throw new IllegalArgumentException("this inverse autoregressive step expects a context of width "
                    + contextWidth + ", got " + (context == null ? "none" : context.getShape().toString()));
        }
        NDList input = context == null ? new NDList(z) : new NDList(z, context);
        NDArray out = network.forward(parameters, input, training).singletonOrThrow();
        NDArray m = out.get(shifts);
        NDArray s = out.get(gates);
        NDArray sigma = Activation.sigmoid(s);
        NDArray fz = z.sub(m).mul(sigma).add(m);
        // log sigmoid(s) = -softplus(-s), exact for large |s|
        NDArray logAbsDet = Activation.softPlus(s.neg()).sum(new int[] {-1}).neg();
        return new Transformed(fz, logAbsDet);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        network.initialize(manager, dataType, new Shape(1, latentDim()), new Shape(1, contextWidth));
    }

    /** Draws the MADE's layers like torch's Linear layers, then opens the gates. */
    @Override
    public void drawParameters(Random random) {
        WeightInit.TORCH_UNIFORM.apply(network, random);
        float[] bias = network.outputBias().getArray().toFloatArray();
        for (int i = latentDim(); i < bias.length; i++) {
            bias[i] += INITIAL_GATE_BIAS;
        }
        NativeArrays.overwrite(network.outputBias().getArray(), bias);
    }
}
