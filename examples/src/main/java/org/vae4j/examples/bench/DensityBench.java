package org.vae4j.examples.bench;

import java.io.IOException;

import org.vae4j.cli.progress.EpochLine;
import org.vae4j.data.Table;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;
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
 * published negative log-likelihoods. An objective that measures figures of its own (the coupled chains'
 * meeting times) appends them to each epoch line.
 */
public final class DensityBench {

    private DensityBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = DensityProtocol.declare(new BenchOptions("DensityBench"));
        BenchRunner.run(options, args, o -> run(DensityProtocol.from(o)));
    }

    private static void run(DensityProtocol p) throws Exception {
        Images images = Images.of(p);
        String peer = "peer=vae4j-density " + BenchRunner.versions() + " " + p.describe();
        System.out.printf("%s n_train=%d n_val=%d n_test=%d%n", peer, images.train.rows(), images.validation.rows(),
                images.test.rows());
        Scores s = trainAndScore(p, images, TrainingListener.NONE);
        System.out.printf("SUMMARY %s epochs=%d best_epoch=%d train_seconds=%.1f test_elbo=%.3f test_nll=%.3f "
                + "eval_seconds=%.1f%n", peer, s.history.epochs().size(), s.history.bestEpoch(), s.trainSeconds,
                s.testElbo, s.testNll, s.evalSeconds);
    }

    /** The protocol's training, validation and test images, read once for every run. */
    record Images(Table train, Table validation, Table test) {

        static Images of(DensityProtocol p) throws IOException {
            return new Images(p.trainImages(), p.validationImages(), p.testImages());
        }
    }

    /**
     * What one training run gave.
     *
     * @param history the run's epochs
     * @param trainSeconds the epochs' training time, evaluation excluded
     * @param testElbo mean test ELBO (nats)
     * @param testNll minus the mean importance-sampled test log-likelihood (nats)
     * @param evalSeconds time of the two test evaluations
     */
    record Scores(TrainingHistory history, double trainSeconds, double testElbo, double testNll, double evalSeconds) {}

    /**
     * Trains on the protocol's images with {@code p}'s configuration, printing one line per epoch, and scores the
     * test images.
     *
     * @param control a further listener (a time budget, say) that may stop training early
     */
    static Scores trainAndScore(DensityProtocol p, Images images, TrainingListener control) {
        EpochLines lines = new EpochLines(images.train.rows(), control);
        try (Vae vae = new VaeTrainer(p.config()).listener(lines).fit(images.train, images.validation)) {
            long start = System.nanoTime();
            double elbo = BenchRunner.mean(vae.elbo(images.test, p.seed() + 1));
            double nll = -BenchRunner.mean(vae.logLikelihood(images.test, p.samples(), p.seed() + 2));
            return new Scores(vae.history(), lines.trainSeconds, elbo, nll, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Prints one line per epoch, as the reference does, and adds up the training time. */
    private static final class EpochLines implements TrainingListener {
        private final int rows;
        private final TrainingListener control;
        private double trainSeconds;

        EpochLines(int rows, TrainingListener control) {
            this.rows = rows;
            this.control = control;
        }

        @Override
        public void onEpoch(EpochReport r) {
            trainSeconds += r.seconds();
            System.out.printf("epoch %d beta=%.2f train_seconds=%.3f samples_per_sec=%.1f train_loss=%.3f "
                    + "val_loss=%.3f%s%n", r.epoch(), r.beta(), r.seconds(), rows / r.seconds(), r.trainLoss(),
                    -r.validationElbo(), EpochLine.statistics(r));
            System.out.flush();
            control.onEpoch(r);
        }

        @Override
        public boolean stopRequested() {
            return control.stopRequested();
        }
    }
}
