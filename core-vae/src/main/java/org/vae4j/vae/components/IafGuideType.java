package org.vae4j.vae.components;

import java.util.ArrayList;
import java.util.List;

import ai.djl.nn.Block;

import org.vae4j.flow.FlowGuide;
import org.vae4j.flow.FlowStep;
import org.vae4j.flow.InverseAutoregressiveFlow;
import org.vae4j.infer.Guide;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;

/**
 * {@code iaf:flows=N,hidden=H,context=C}: inverse autoregressive flow on the diagonal Gaussian (Kingma et al.
 * 2016), its MADE steps reading a context of C extra encoder outputs and alternating the order of the
 * dimensions. Defaults: depth 2 with MADE layers of width 320, the smaller of Kingma et al.'s MNIST models;
 * the paper gives no context width for a dense encoder, and 128 is narrower than the encoder layers in common
 * use, so the context head adds little to the encoder's cost.
 */
public final class IafGuideType extends BaseComponentType implements GuideType {

    /** The number of IAF steps. */
    public static final OptionDescription FLOWS = OptionDescription.ofInt("flows", 2,
            Constraint.between(1, 100), "Number of inverse autoregressive steps.");

    /** The MADE hidden width. */
    public static final OptionDescription HIDDEN = OptionDescription.ofInt("hidden", 320,
            Constraint.between(1, 4096), "Units in each of a step's two MADE hidden layers.");

    /** The context width. */
    public static final OptionDescription CONTEXT = OptionDescription.ofInt("context", 128,
            Constraint.between(0, 4096), "Extra encoder outputs the steps read as context (0 for none).");

    /** For {@link java.util.ServiceLoader}. */
    public IafGuideType() {
        super(ComponentKinds.GUIDE, "iaf", 1, "inverse autoregressive flow on the diagonal Gaussian", FLOWS, HIDDEN,
                CONTEXT);
    }

    @Override
    public int contextWidth(OptionValues options) {
        return options.intValue(CONTEXT.name());
    }

    @Override
    public long addedParameters(OptionValues options, NetworkWidths widths) {
        long m = widths.latentDim();
        long h = options.intValue(HIDDEN.name());
        long c = contextWidth(options);
        // Per step: z and context into the first hidden layer, a second hidden layer, and (shift, gate) out;
        // and the encoder's context head. An upper bound, biases included.
        long perStep = (m + c + 1) * h + (h + 1) * h + (h + 1) * 2 * m;
        return options.intValue(FLOWS.name()) * perStep + (widths.encoderOutputInput() + 1L) * c;
    }

    @Override
    public Guide create(OptionValues options, Block encoder, NetworkWidths widths) {
        int context = contextWidth(options);
        List<FlowStep> steps = new ArrayList<>();
        for (int i = 0; i < options.intValue(FLOWS.name()); i++) {
            steps.add(new InverseAutoregressiveFlow(widths.latentDim(), context, options.intValue(HIDDEN.name()),
                    i % 2 == 1));
        }
        return new FlowGuide(encoder, widths.latentDim(), context, widths.maskInputs(), steps);
    }
}
