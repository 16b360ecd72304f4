package org.vae4j.infer.coupled;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.vae4j.infer.Adam;
import org.vae4j.infer.Batch;
import org.vae4j.infer.Bound;
import org.vae4j.infer.NoiseSource;
import org.vae4j.infer.ParameterGroup;
import org.vae4j.infer.ParameterGroupStep;
import org.vae4j.infer.TrainingContext;
import org.vae4j.infer.TrainingProcedure;
import org.vae4j.infer.TrainingStep;

/**
 * Maximum-likelihood training of the model by unbiased gradients of log p(x) from coupled Markov chains
 * (Ruiz, Titsias, Cemgil and Doucet 2021): the model (decoder, prior, noise) follows the
 * {@link CoupledChainEstimator}'s estimate of grad log p(x), the guide only has to be a good proposal for the
 * chains and follows a bound of its own (IWAE or the ELBO). Each step is two {@link ParameterGroup}s with their
 * own Adam at the run's learning rate: the guide on minus its bound (whose loss the step reports), then the model
 * on minus the chains' surrogate, with proposals from the just-updated guide; {@link ParameterGroupStep} keeps
 * each loss from moving the other group. The KL warm-up weights the guide's bound only: maximum likelihood has
 * no KL term to warm up.
 *
 * <p>Each epoch's report carries the chains' meeting times ({@link TrainingStep#drainStatistics()}).
 * Data-parallel training is refused: it carries one optimizer over all parameters between rounds, and this
 * procedure has two.
 */
public final class CoupledChainProcedure implements TrainingProcedure {

    /** The epoch statistic: mean meeting time over the epoch's rows (a capped row counts the steps it ran). */
    public static final String MEETING_TIME_MEAN = "meeting_time_mean";
    /** The epoch statistic: largest meeting time of the epoch. */
    public static final String MEETING_TIME_MAX = "meeting_time_max";
    /** The epoch statistic: fraction of the epoch's rows whose chains were capped. */
    public static final String CAPPED_FRACTION = "capped_fraction";

    private final CoupledChainEstimator estimator;
    private final Bound guideBound;
    private final double learningRate;

    /**
     * @param estimator the chains
     * @param guideBound the bound the guide maximises
     * @param learningRate both Adams' step size, a finite number > 0
     */
    public CoupledChainProcedure(CoupledChainEstimator estimator, Bound guideBound, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.guideBound = Objects.requireNonNull(guideBound, "guideBound");
        this.learningRate = learningRate;
    }

    @Override
    public TrainingStep start(TrainingContext context) {
        return new Step(context);
    }

    /** One run: the two groups and the meeting times so far. */
    private final class Step implements TrainingStep {
        private final ParameterGroupStep groups;
        private final MeetingTimes meetingTimes = new MeetingTimes();

        Step(TrainingContext context) {
            Random random = context.random();
            ParameterGroup guide = new ParameterGroup("guide", new Adam(context.guide().parameters(), learningRate),
                    (batch, noise, beta) -> guideBound.loss(context.guide(), context.model(), context.parameters(),
                            batch, noise, beta));
            ParameterGroup model = new ParameterGroup("model", new Adam(context.model().parameters(), learningRate),
                    (batch, noise, beta) -> {
                        CoupledChainEstimator.Estimate estimate = estimator.estimate(new GuidedModelTarget(
                                context.guide(), context.model(), context.parameters(), batch, noise), random);
                        meetingTimes.add(estimate);
                        return estimate.surrogate().mean().neg();
                    });
            this.groups = new ParameterGroupStep(List.of(guide, model));
        }

        @Override
        public float step(Batch batch, NoiseSource noise, double beta) {
            return groups.step(batch, noise, beta);
        }

        @Override
        public Adam inferenceOptimizer() {
            throw new UnsupportedOperationException("maximum-likelihood training by coupled chains trains the guide "
                    + "and the model with two optimizers; data-parallel training carries one between rounds: train "
                    + "it in one JVM");
        }

        @Override
        public Map<String, Double> drainStatistics() {
            return meetingTimes.drain();
        }
    }
}
