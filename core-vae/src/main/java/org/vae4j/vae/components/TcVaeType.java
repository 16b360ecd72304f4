package org.vae4j.vae.components;

import java.util.Locale;

import org.vae4j.infer.MinibatchEstimator;
import org.vae4j.infer.TcVaeProcedure;
import org.vae4j.infer.TrainingProcedure;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/**
 * {@code tcvae:alpha=A,beta=B,gamma=G,estimator=mws|mss}: beta-TCVAE (Chen et al. 2018), the ELBO with its KL
 * split into mutual information, total correlation and dimension-wise KL, weighted alpha, beta and gamma
 * ({@link org.vae4j.infer.DecomposedKlElbo}). The run's KL weight (the {@code beta} option of the VAE and its
 * warm-up) multiplies all three; needs a guide whose posterior factorises (the gaussian guide).
 */
public final class TcVaeType extends BaseComponentType implements ObjectiveType {

    /** Weight of the index-code mutual information. */
    public static final OptionDescription ALPHA = OptionDescription.ofDouble("alpha", 1, Constraint.nonNegative(),
            "Weight of the index-code mutual information, >= 0.");

    /** Weight of the total correlation. */
    public static final OptionDescription BETA = OptionDescription.ofDouble("beta", 6, Constraint.nonNegative(),
            "Weight of the total correlation, >= 0 (the paper's beta; 1 with alpha = gamma = 1 is the ELBO).");

    /** Weight of the dimension-wise KL. */
    public static final OptionDescription GAMMA = OptionDescription.ofDouble("gamma", 1, Constraint.nonNegative(),
            "Weight of the dimension-wise KL, >= 0.");

    /** The mini-batch estimator of q(z). */
    public static final OptionDescription ESTIMATOR = OptionDescription.ofEnum("estimator", MinibatchEstimator.class,
            MinibatchEstimator.MWS, "How q(z) is estimated from the mini-batch: mws (minibatch-weighted sampling)"
                    + " or mss (minibatch stratified sampling).");

    /** For {@link java.util.ServiceLoader}. */
    public TcVaeType() {
        super(ComponentKinds.OBJECTIVE, "tcvae", 1,
                "beta-TCVAE: KL split into mutual information, total correlation and dimension-wise KL",
                ALPHA, BETA, GAMMA, ESTIMATOR);
    }

    @Override
    public TrainingProcedure create(OptionValues options, VaeConfig config) {
        return new TcVaeProcedure(options.doubleValue(ALPHA.name()), options.doubleValue(BETA.name()),
                options.doubleValue(GAMMA.name()),
                MinibatchEstimator.valueOf(options.text(ESTIMATOR.name()).toUpperCase(Locale.ROOT)),
                config.learningRate());
    }
}
