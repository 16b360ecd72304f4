package org.vae4j.vae.components;

import java.util.ArrayList;
import java.util.List;

import ai.djl.nn.Block;

import org.vae4j.flow.FlowGuide;
import org.vae4j.flow.FlowStep;
import org.vae4j.infer.Guide;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;

/**
 * A guide that stacks {@code flows} identical, context-free flow steps on the diagonal Gaussian (planar and
 * radial flows): the part both have in common, so each names only its step.
 */
abstract class FlowStackGuideType extends BaseComponentType implements GuideType {

    /** The most steps a stack may have. */
    private static final int MAX_FLOWS = 1000;

    private final OptionDescription flows;

    FlowStackGuideType(String id, String summary, int defaultFlows) {
        this(id, summary, OptionDescription.ofInt("flows", defaultFlows, Constraint.between(1, MAX_FLOWS),
                "Number of " + id + " flow steps stacked on the Gaussian."));
    }

    private FlowStackGuideType(String id, String summary, OptionDescription flows) {
        super(ComponentKinds.GUIDE, id, 1, summary, flows);
        this.flows = flows;
    }

    /** One step on {@code latentDim} dimensions. */
    abstract FlowStep step(int latentDim);

    /** The parameters of one step on {@code latentDim} dimensions. */
    abstract long stepParameters(int latentDim);

    @Override
    public long addedParameters(OptionValues options, NetworkWidths widths) {
        return options.intValue(flows.name()) * stepParameters(widths.latentDim());
    }

    @Override
    public Guide create(OptionValues options, Block encoder, NetworkWidths widths) {
        List<FlowStep> steps = new ArrayList<>();
        for (int i = 0; i < options.intValue(flows.name()); i++) {
            steps.add(step(widths.latentDim()));
        }
        return new FlowGuide(encoder, widths.latentDim(), 0, widths.maskInputs(), steps);
    }
}
