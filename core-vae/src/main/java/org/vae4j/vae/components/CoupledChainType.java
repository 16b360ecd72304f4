package org.vae4j.vae.components;

import java.util.List;

import org.vae4j.infer.AnalyticKlElbo;
import org.vae4j.infer.Bound;
import org.vae4j.infer.ImportanceWeightedBound;
import org.vae4j.infer.TrainingProcedure;
import org.vae4j.infer.coupled.CoupledChainEstimator;
import org.vae4j.infer.coupled.CoupledChainProcedure;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;

/**
 * {@code unbiased:particles=N,k=K,m=M,maxMeeting=T,guideBound=iwae|elbo}: maximum-likelihood training, the model
 * following unbiased estimates of grad log p(x) from coupled conditional-importance-sampling chains (Ruiz,
 * Titsias, Cemgil and Doucet 2021; {@link CoupledChainProcedure}), the guide following IWAE with N samples or the
 * analytic ELBO, as a proposal for the chains. Each epoch's report carries the chains' meeting times.
 */
public final class CoupledChainType extends BaseComponentType implements ObjectiveType {

    /** Particles per chain state. */
    public static final OptionDescription PARTICLES = OptionDescription.ofInt("particles", 16,
            Constraint.between(2, 100_000), "Particles per state of each chain (the guide's IWAE uses as many).");

    /** First averaged state. */
    public static final OptionDescription K = OptionDescription.ofInt("k", 1, Constraint.between(0, 10_000),
            "First chain state averaged, >= 0.");

    /** Last averaged state. */
    public static final OptionDescription M = OptionDescription.ofInt("m", 5, Constraint.between(0, 10_000),
            "Last chain state averaged, >= k.");

    /** Cap on the meeting time. */
    public static final OptionDescription MAX_MEETING = OptionDescription.ofInt("maxMeeting", 100,
            Constraint.between(2, 1_000_000), "Most chain steps per batch; rows whose chains have not met by then "
                    + "keep the biased time average and are counted (capped_fraction).");

    /** The guide's bound. */
    public static final OptionDescription GUIDE_BOUND = OptionDescription.ofChoice("guideBound", List.of("iwae", "elbo"),
            "iwae", "The bound that trains the guide (the chains' proposal): iwae with N samples or the analytic elbo.");

    /** For {@link java.util.ServiceLoader}. */
    public CoupledChainType() {
        super(ComponentKinds.OBJECTIVE, "unbiased", 1,
                "maximum likelihood: unbiased gradients of log p(x) from coupled Markov chains, guide by a bound",
                PARTICLES, K, M, MAX_MEETING, GUIDE_BOUND);
    }

    @Override
    public TrainingProcedure create(OptionValues options, VaeConfig config) {
        int particles = options.intValue(PARTICLES.name());
        int k = options.intValue(K.name());
        int m = options.intValue(M.name());
        int cap = options.intValue(MAX_MEETING.name());
        if (m < k) {
            throw new InvalidOptionException("m", "must be >= k = " + k + ", got " + m, null);
        }
        if (cap < Math.max(m, 2)) {
            throw new InvalidOptionException("maxMeeting", "must be >= max(m, 2) = " + Math.max(m, 2) + ", got " + cap,
                    null);
        }
        Bound guideBound = "elbo".equals(options.get(GUIDE_BOUND.name()))
                ? new AnalyticKlElbo()
                : new ImportanceWeightedBound(particles);
        return new CoupledChainProcedure(new CoupledChainEstimator(particles, k, m, cap), guideBound,
                config.learningRate());
    }
}
