package org.vae4j.vae.components;

import org.vae4j.infer.FactorVaeProcedure;
import org.vae4j.infer.TrainingProcedure;
import org.vae4j.options.Constraint;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;

/**
 * {@code factorvae:gamma=G,width=W,depth=D,learningRate=L,beta1=B1,beta2=B2}: FactorVAE (Kim and Mnih 2018), the
 * ELBO minus gamma times the total correlation of the codes, estimated by a discriminator that trains beside the
 * VAE with its own Adam ({@link FactorVaeProcedure}). The discriminator's defaults are the paper's: 6 layers of
 * 1000 LeakyReLU(0.2) units, Adam with step 1e-4 and betas 0.5 and 0.9. The VAE keeps the run's learning rate
 * (disentanglement_lib's FactorVAE trains it with Adam at 1e-4, betas 0.9 and 0.999, batch 64, for 300,000
 * steps; vae4j's default step is 1e-3, so the VAE moves faster relative to its discriminator than there).
 */
public final class FactorVaeType extends BaseComponentType implements ObjectiveType {

    /** Weight of the total correlation. */
    public static final OptionDescription GAMMA = OptionDescription.ofDouble("gamma", 35, Constraint.nonNegative(),
            "Weight of the total-correlation penalty, >= 0 (0 is the plain ELBO).");

    /** Units per hidden layer of the discriminator. */
    public static final OptionDescription WIDTH = OptionDescription.ofInt("width", 1000, Constraint.between(1, 100_000),
            "Units per hidden layer of the discriminator.");

    /** Hidden layers of the discriminator. */
    public static final OptionDescription DEPTH = OptionDescription.ofInt("depth", 6, Constraint.between(1, 100),
            "Hidden LeakyReLU(0.2) layers of the discriminator.");

    /** The discriminator's Adam step size. */
    public static final OptionDescription LEARNING_RATE = OptionDescription.ofDouble("learningRate", 1e-4,
            Constraint.positive(), "Step size of the discriminator's Adam (the VAE uses the run's learning rate).");

    /** The discriminator's Adam first-moment decay. */
    public static final OptionDescription BETA1 = OptionDescription.ofDouble("beta1", 0.5, Constraint.fraction(),
            "First-moment decay of the discriminator's Adam, in [0, 1).");

    /** The discriminator's Adam second-moment decay. */
    public static final OptionDescription BETA2 = OptionDescription.ofDouble("beta2", 0.9, Constraint.fraction(),
            "Second-moment decay of the discriminator's Adam, in [0, 1).");

    /** For {@link java.util.ServiceLoader}. */
    public FactorVaeType() {
        super(ComponentKinds.OBJECTIVE, "factorvae", 1,
                "FactorVAE: ELBO minus gamma times a discriminator's estimate of the total correlation",
                GAMMA, WIDTH, DEPTH, LEARNING_RATE, BETA1, BETA2);
    }

    @Override
    public TrainingProcedure create(OptionValues options, VaeConfig config) {
        return new FactorVaeProcedure(options.doubleValue(GAMMA.name()), config.learningRate(),
                new FactorVaeProcedure.DiscriminatorSettings(options.intValue(WIDTH.name()),
                        options.intValue(DEPTH.name()), options.doubleValue(LEARNING_RATE.name()),
                        options.doubleValue(BETA1.name()), options.doubleValue(BETA2.name())));
    }
}
