package org.vae4j.infer;

import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import org.vae4j.engine.NativeArrays;

/**
 * Trains FactorVAE (Kim and Mnih 2018, "Disentangling by Factorising"): the VAE maximises the ELBO minus gamma
 * times the total correlation KL(q(z) || prod_j q(z_j)) of its codes, which a discriminator estimates by the
 * density-ratio trick, TC ~ mean of log D(z) / (1 - D(z)) over the batch's draws. The discriminator learns to
 * tell the batch's draws z from the same draws with each latent dimension permuted independently across the
 * batch (samples of the product of the marginals).
 *
 * <p>Each step is two {@link ParameterGroup}s: the VAE (guide and model, one Adam at the run's learning rate)
 * on -ELBO + gamma TC, then the discriminator (its own Adam) on its cross-entropy over the VAE group's draws,
 * detached from the VAE's graph and permuted with the run's seeded generator. {@link ParameterGroupStep} keeps
 * each group's loss from moving the other's parameters. The discriminator lives in a sub-manager of the run's
 * memory that the step frees, and is exposed as {@link TrainingStep#trainingOnlyParameters()} and its Adam as
 * {@link TrainingStep#optimizers()}: a model saved for inference never holds them, a checkpoint does, so that
 * training resumed from it continues with the same discriminator.
 *
 * <p>Each epoch's report carries the mean total-correlation estimate and the discriminator's loss
 * ({@link TrainingStep#drainStatistics()}), which show whether the discriminator is learning at all.
 *
 * <p>The step's KL weight w (the configured beta, ramped up by the KL warm-up) weights the ELBO's KL term as it
 * does for the plain ELBO; gamma's total-correlation penalty is not warmed up. The paper draws the permuted
 * codes from a second batch; this procedure reuses the first batch's draws, which needs no second encoder pass.
 */
public final class FactorVaeProcedure implements TrainingProcedure {

    /**
     * Epoch statistic: the mean over the epoch's steps of the discriminator's total-correlation estimate, the
     * batch mean of log D(z) / (1 - D(z)) on the VAE's draws before its update.
     */
    public static final String TOTAL_CORRELATION = "tc_estimate";
    /** Epoch statistic: the mean over the epoch's steps of the discriminator's cross-entropy before its update. */
    public static final String DISCRIMINATOR_LOSS = "discriminator_loss";

    private final double gamma;
    private final double learningRate;
    private final DiscriminatorSettings discriminator;

    /**
     * The discriminator's size and optimizer.
     *
     * @param width units per hidden layer, >= 1
     * @param depth number of hidden layers, >= 1
     * @param learningRate its Adam's step size, > 0
     * @param beta1 its Adam's first-moment decay, in [0, 1)
     * @param beta2 its Adam's second-moment decay, in [0, 1)
     */
    public record DiscriminatorSettings(int width, int depth, double learningRate, double beta1, double beta2) {

        /** Checks the ranges. */
        public DiscriminatorSettings {
            if (width < 1 || depth < 1) {
                throw new IllegalArgumentException("the discriminator needs width and depth >= 1, got width " + width
                        + " and depth " + depth);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("the discriminator's learning rate must be a finite number > 0, got "
                        + learningRate);
            }
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("the discriminator's Adam betas must lie in [0, 1), got " + beta1
                        + " and " + beta2);
            }
        }
    }

    /**
     * @param gamma the weight of the total correlation, a finite number >= 0
     * @param learningRate the VAE's Adam step size
     * @param discriminator the discriminator's size and optimizer
     */
    public FactorVaeProcedure(double gamma, double learningRate, DiscriminatorSettings discriminator) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be a finite number >= 0, got " + gamma);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.gamma = gamma;
        this.learningRate = learningRate;
        this.discriminator = Objects.requireNonNull(discriminator, "discriminator");
    }

    @Override
    public Step start(TrainingContext context) {
        NDManager memory = context.manager().newSubManager();
        try {
            return new Step(context, memory);
        } catch (RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    /** One run: the discriminator, the two groups and the draws the second group learns from. */
    final class Step implements TrainingStep {
        private final NDManager memory;
        private final Discriminator critic;
        private final Adam vaeOptimizer;
        private final Adam criticOptimizer;
        private final List<ParameterGroup> groupList;
        private final ParameterGroupStep groups;
        private final Random random;
        /** The VAE group's draws of the current step, detached, for the discriminator's group. */
        private NDArray draws;
        /** Sums over the steps since the statistics were last drained, and the number of those steps. */
        private double totalCorrelationSum;
        private double discriminatorLossSum;
        private int statisticSteps;

        Step(TrainingContext context, NDManager memory) {
            this.memory = memory;
            this.random = context.random();
            this.critic = new Discriminator(context.guide().latentDim(), discriminator.width(), discriminator.depth(),
                    memory, random);
            this.vaeOptimizer = new Adam(context.inferenceParameters(), learningRate);
            this.criticOptimizer = new Adam(List.copyOf(critic.parameters().values()), discriminator.learningRate(),
                    discriminator.beta1(), discriminator.beta2(), 1e-8);
            ParameterGroup vae = new ParameterGroup("vae", vaeOptimizer, (batch, noise, beta) -> {
                ReparameterizedDraw draw = ReparameterizedDraw.of(context.guide(), context.model(),
                        context.parameters(), batch, noise, true);
                draws = draw.z().stopGradient();
                NDArray elbo = AnalyticKlElbo.atDraw(draw, context.model(), context.parameters(), beta, true).mean();
                NDArray totalCorrelation = critic.logOdds(context.parameters(), draw.z()).mean();
                totalCorrelationSum += totalCorrelation.getFloat();
                return totalCorrelation.mul(NativeArrays.scalar(elbo, (float) gamma)).sub(elbo);
            });
            ParameterGroup discriminatorGroup = new ParameterGroup("discriminator", criticOptimizer,
                    (batch, noise, beta) -> {
                        NDArray loss = critic.loss(context.parameters(), draws, permuteDimensions(draws));
                        discriminatorLossSum += loss.getFloat();
                        return loss;
                    });
            this.groupList = List.of(vae, discriminatorGroup);
            this.groups = new ParameterGroupStep(groupList);
        }

        /** The VAE's group, then the discriminator's (for tests that step them with probes between). */
        List<ParameterGroup> groups() {
            return groupList;
        }

        /** Each column of {@code z} shuffled across the rows by its own permutation. */
        private NDArray permuteDimensions(NDArray z) {
            int rows = (int) z.getShape().get(0);
            int columns = (int) z.getShape().get(1);
            long[] index = new long[rows * columns];
            for (int j = 0; j < columns; j++) {
                int[] order = Permutations.of(rows, random);
                for (int i = 0; i < rows; i++) {
                    index[i * columns + j] = order[i];
                }
            }
            return z.gather(NativeArrays.copyOf(z.getManager(), LongBuffer.wrap(index), new Shape(rows, columns)), 0);
        }

        @Override
        public float step(Batch batch, NoiseSource noise, double beta) {
            try {
                float loss = groups.step(batch, noise, beta);
                statisticSteps++;
                return loss;
            } finally {
                draws = null;
            }
        }

        /**
         * The mean total-correlation estimate and discriminator loss of the steps since the last call: whether
         * the discriminator tells the codes from their permutations (a loss near ln 2 = 0.693 means it cannot, and
         * then the penalty does nothing).
         */
        @Override
        public Map<String, Double> drainStatistics() {
            if (statisticSteps == 0) {
                return Map.of();
            }
            Map<String, Double> statistics = new LinkedHashMap<>();
            statistics.put(TOTAL_CORRELATION, totalCorrelationSum / statisticSteps);
            statistics.put(DISCRIMINATOR_LOSS, discriminatorLossSum / statisticSteps);
            totalCorrelationSum = 0;
            discriminatorLossSum = 0;
            statisticSteps = 0;
            return statistics;
        }

        @Override
        public Adam inferenceOptimizer() {
            return vaeOptimizer;
        }

        @Override
        public Map<String, Adam> optimizers() {
            Map<String, Adam> optimizers = new LinkedHashMap<>();
            optimizers.put("vae", vaeOptimizer);
            optimizers.put("discriminator", criticOptimizer);
            return optimizers;
        }

        @Override
        public Map<String, Parameter> trainingOnlyParameters() {
            return critic.parameters();
        }

        @Override
        public void close() {
            memory.close();
        }
    }
}
