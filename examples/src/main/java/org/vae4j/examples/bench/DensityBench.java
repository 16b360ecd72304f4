package org.vae4j.examples.bench;

import org.vae4j.data.Table;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeTrainer;

/**
 * vae4j on the density-estimation protocol of the PyTorch reference script torch_density.py ({@link DensityProtocol}),
 * printing the same lines as that script, so that examples/bench/density.sh can run both and compare them:
 * <pre>
 * peer=vae4j-density djl=.. pytorch=.. prior=standard ... n_train=50000 n_val=10000 n_test=10000
 * epoch 1 beta=0.01 train_seconds=.. samples_per_sec=.. train_loss=.. val_loss=..
 * SUMMARY peer=vae4j-density ... epochs=E best_epoch=B train_seconds=T test_elbo=X test_nll=Y samples=S eval_seconds=..
 * </pre>
 * {@code val_loss} is minus the validation ELBO (analytic KL, beta = 1), on which training stops early and
 * whose best epoch's parameters are kept. {@code test_elbo} is the mean test ELBO with one z per image and
 * {@code test_nll} minus the mean importance-sampled log-likelihood with {@code --samples} draws per image,
 * both in nats on the binarized test images: log-probabilities of binary images, so comparable with the
 * published negative log-likelihoods.
 */
public final class DensityBench {

    private DensityBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = DensityProtocol.declare(new BenchOptions("DensityBench"));
        BenchRunner.run(options, args, o -> run(DensityProtocol.from(o)));
    }

    private static void run(DensityProtocol p) throws Exception {
        Table train = p.trainImages();
        Table validation = p.validationImages();
        Table test = p.testImages();
        String peer = "peer=vae4j-density " + BenchRunner.versions() + " " + p.describe();
        System.out.printf("%s n_train=%d n_val=%d n_test=%d%n", peer, train.rows(), validation.rows(), test.rows());
        EpochLines lines = new EpochLines(train.rows());
        try (Vae vae = new VaeTrainer(p.config()).listener(lines).fit(train, validation)) {
            long start = System.nanoTime();
            double elbo = BenchRunner.mean(vae.elbo(test, p.seed() + 1));
            double nll = -BenchRunner.mean(vae.logLikelihood(test, p.samples(), p.seed() + 2));
            double evalSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("SUMMARY %s epochs=%d best_epoch=%d train_seconds=%.1f test_elbo=%.3f test_nll=%.3f "
                    + "eval_seconds=%.1f%n", peer, vae.history().epochs().size(), vae.history().bestEpoch(),
                    lines.trainSeconds, elbo, nll, evalSeconds);
        }
    }

    /** Prints one line per epoch, as the reference does, and adds up the training time. */
    private static final class EpochLines implements TrainingListener {
        private final int rows;
        private double trainSeconds;

        EpochLines(int rows) {
            this.rows = rows;
        }

        @Override
        public void onEpoch(EpochReport r) {
            trainSeconds += r.seconds();
            System.out.printf("epoch %d beta=%.2f train_seconds=%.3f samples_per_sec=%.1f train_loss=%.3f "
                    + "val_loss=%.3f%n", r.epoch(), r.beta(), r.seconds(), rows / r.seconds(), r.trainLoss(),
                    -r.validationElbo());
            System.out.flush();
        }
    }
}
