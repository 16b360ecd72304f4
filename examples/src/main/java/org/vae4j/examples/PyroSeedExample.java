package org.vae4j.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;

import org.vae4j.data.Schema;
import org.vae4j.dist.MixedLikelihood;
import org.vae4j.engine.Engines;
import org.vae4j.engine.NativeArrays;
import org.vae4j.infer.Adam;
import org.vae4j.infer.Batch;
import org.vae4j.infer.GaussianGuide;
import org.vae4j.infer.Model;
import org.vae4j.infer.StandardNormalPrior;
import org.vae4j.infer.MonteCarloElbo;
import org.vae4j.infer.NoiseSource;
import org.vae4j.infer.SviStep;
import org.vae4j.preprocess.EncodedLayout;
import org.vae4j.preprocess.NumericLikelihood;

/**
 * The seed example of Pyro's paper, a Bernoulli VAE on images with a custom (softplus) encoder network,
 * written against vae4j's inference API: a model, an amortized guide, the Monte-Carlo ELBO and SVI steps.
 * Usage: {@code PyroSeedExample [fashion-mnist-dir] [epochs]}.
 */
public final class PyroSeedExample {

    private static final int LATENT = 50;
    private static final int HIDDEN = 400;
    private static final int BATCH = 256;

    private PyroSeedExample() {}

    /** Trains on up to 10,000 training images and prints the mean ELBO estimate of each epoch. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        IdxFiles.Images images = IdxFiles.readImages(dir.resolve("train-images-idx3-ubyte.gz"), 10_000);
        int pixels = images.width();

        // The guide's network: any DJL block that maps a row to the posterior's mean and log-variance.
        Block encoder = new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::softPlus)
                .add(Linear.builder().setUnits(2 * LATENT).build());
        Block decoder = new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::softPlus)
                .add(Linear.builder().setUnits(pixels).build());
        EncodedLayout bernoulliPixels = new EncodedLayout(Schema.numeric("pixel", pixels), NumericLikelihood.BERNOULLI);
        GaussianGuide guide = new GaussianGuide(encoder, LATENT, false);
        Model model = new Model(new StandardNormalPrior(LATENT), decoder, new MixedLikelihood(bernoulliPixels), null);

        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            encoder.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            decoder.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            encoder.initialize(manager, DataType.FLOAT32, new Shape(1, pixels));
            decoder.initialize(manager, DataType.FLOAT32, new Shape(1, LATENT));
            List<Parameter> parameters = new ArrayList<>(guide.parameters());
            parameters.addAll(model.parameters());
            SviStep svi = new SviStep(guide, model, new MonteCarloElbo(), new Adam(parameters, 1e-3),
                    new ParameterStore(manager, false));
            NoiseSource noise = new NoiseSource(0);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                double lossSum = 0;
                for (int from = 0; from < images.count(); from += BATCH) {
                    int rows = Math.min(BATCH, images.count() - from);
                    try (NDManager step = manager.newSubManager()) {
                        Batch batch = new Batch(NativeArrays.copyOf(step, java.nio.FloatBuffer.wrap(images.pixels(),
                                from * pixels, rows * pixels).slice(), new Shape(rows, pixels)), null, null);
                        lossSum += svi.step(batch, noise, 1.0) * rows;
                    }
                }
                System.out.printf("epoch %d  mean ELBO %.2f nats%n", epoch, -lossSum / images.count());
            }
        }
    }
}
