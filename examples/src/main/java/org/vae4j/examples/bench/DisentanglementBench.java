package org.vae4j.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.vae4j.cli.progress.EpochLine;
import org.vae4j.data.Table;
import org.vae4j.engine.DeviceChoice;
import org.vae4j.eval.FactorVaeMetric;
import org.vae4j.eval.MutualInformationGap;
import org.vae4j.examples.dsprites.DSprites;
import org.vae4j.examples.dsprites.EncodedDSprites;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.TrainingListener;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeTrainer;

/**
 * Disentanglement on generated dSprites ({@link DSprites}): trains one VAE per configuration of
 * {@code --runs} on the same seeded subset of images and prints one line per run:
 * <pre>
 * peer=vae4j-disentanglement djl=.. pytorch=.. images=.. seed=.. latent=.. hidden=.. epochs=.. ...
 * EPOCH 1 1 train_loss=.. seconds=.. [the procedure's statistics, such as factorvae's tc_estimate=..]
 * RUN 1 objective=elbo beta=1.0 mig=.. mig_factors=../../../../.. factorvae_metric=.. recon_ll=.. elbo=..
 *     train_seconds=.. eval_seconds=.. model=..
 * </pre>
 * An {@code EPOCH} line follows each epoch of a run (run number, then epoch), with the training procedure's
 * own figures: for factorvae the discriminator's total-correlation estimate and loss, which say whether it
 * learns to tell the codes from their permutations.
 * {@code mig} is the mutual information gap of the posterior means of the training images (20 bins per latent;
 * {@code mig_factors} gives it per factor, in the order shape/scale/orientation/posX/posY), and
 * {@code factorvae_metric} the evaluation accuracy of the FactorVAE majority-vote classifier on fresh sprites.
 * {@code recon_ll} is the mean over the training images of log p(x | z) at the posterior mean, in nats per
 * image (Bernoulli pixels; the decoded probabilities are held as floats and clipped to [1e-6, 1 - 1e-6]);
 * {@code elbo} the mean ELBO of the training images with one z each. The objectives are vae4j objective specs
 * passed through as they are, so any objective vae4j knows can be benchmarked.
 */
public final class DisentanglementBench {

    private static final int RECONSTRUCTION_CHUNK = 1000;
    private static final double CLIP = 1e-6;

    private DisentanglementBench() {}

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        BenchOptions options = new BenchOptions("DisentanglementBench")
                .option("--runs", "elbo beta=1; elbo beta=4", "configurations separated by ';', each an "
                        + "objective spec and optionally beta=B, such as 'elbo beta=4; tcvae:beta=6'")
                .option("--images", "20000", "training images: a seeded random subset of the 737,280 sprites")
                .option("--epochs", "5", "epochs to train each run")
                .option("--batch", "64", "mini-batch size")
                .option("--hidden", "1200,1200", "encoder widths (decoder mirrored)")
                .option("--latent", "10", "latent dimensions")
                .option("--lr", "0.0005", "Adam learning rate")
                .option("--votes", "500", "training votes of the FactorVAE metric (half as many evaluate it)")
                .option("--vote-batch", "64", "sprites per FactorVAE-metric vote")
                .option("--seed", "42", "seed of the images, the models and the votes")
                .option("--threads", "2", "PyTorch intra-op threads")
                .option("--device", "cpu", "cpu, gpu or auto")
                .option("--out", "none", "directory to save each run's model in (run1.vae, ...), or none")
                .option("--models", "none", "instead of training --runs, evaluate these saved models (comma-separated "
                        + "files) on the same images, e.g. with more --votes");
        BenchRunner.run(options, args, DisentanglementBench::run);
    }

    private static void run(BenchOptions o) throws IOException {
        List<DisentanglementRun> runs = DisentanglementRun.parseAll("--runs", o.text("--runs"));
        int images = o.positiveInt("--images");
        if (images > DSprites.MAX_TABLE_IMAGES) {
            throw new IllegalArgumentException("option --images must be at most " + DSprites.MAX_TABLE_IMAGES
                    + " (one in-memory table), got " + images);
        }
        long seed = o.integer("--seed");
        FactorVaeMetric.Protocol votes = new FactorVaeMetric.Protocol(o.positiveInt("--votes"),
                Math.max(1, o.positiveInt("--votes") / 2), o.positiveInt("--vote-batch"));
        Path out = o.text("--out").equals("none") ? null : Path.of(o.text("--out"));
        List<Path> models = o.text("--models").equals("none") ? List.of()
                : Arrays.stream(o.text("--models").split(",")).map(String::trim).map(Path::of).toList();
        VaeConfig.Builder base = VaeConfig.builder()
                .latentDim(o.positiveInt("--latent"))
                .hidden(o.positiveInts("--hidden"))
                .numericLikelihood(NumericLikelihood.BERNOULLI)
                .standardize(false)
                .epochs(o.positiveInt("--epochs"))
                .batchSize(o.positiveInt("--batch"))
                .learningRate(o.positiveReal("--lr"))
                .seed(seed)
                .device(DeviceChoice.parse(o.text("--device")));
        VaeConfig common = base.build();
        List<VaeConfig> configs = runs.stream().map(r -> config(common, r)).toList(); // unknown objectives fail first
        Workload.useThreads(o.positiveInt("--threads"));
        if (out != null) {
            Files.createDirectories(out);
        }
        int[][] factors = DSprites.randomFactors(images, seed);
        Table train = DSprites.images(factors);
        String training = models.isEmpty()
                ? String.format("latent=%s hidden=%s epochs=%s batch=%s lr=%s", o.text("--latent"), o.text("--hidden"),
                        o.text("--epochs"), o.text("--batch"), o.text("--lr"))
                : "models=" + models.size() + " (their own training)";
        System.out.printf("peer=vae4j-disentanglement %s images=%d seed=%d %s votes=%d/%d vote_batch=%d mig_bins=%d%n",
                BenchRunner.versions(), images, seed, training, votes.trainVotes(), votes.evalVotes(), votes.batch(),
                MutualInformationGap.DEFAULT_BINS);
        Evaluation evaluation = new Evaluation(train, factors, votes, seed);
        if (!models.isEmpty()) {
            for (int i = 0; i < models.size(); i++) {
                try (Vae vae = Vae.load(models.get(i))) {
                    double trainSeconds = vae.history().epochs().stream().mapToDouble(EpochReport::seconds).sum();
                    DisentanglementRun run = new DisentanglementRun(vae.config().objective().toString(),
                            vae.config().beta());
                    evaluation.print(i + 1, run, vae, trainSeconds, models.get(i).toString());
                }
            }
            return;
        }
        for (int i = 0; i < runs.size(); i++) {
            long start = System.nanoTime();
            int number = i + 1;
            TrainingListener epochs = new TrainingListener() {
                @Override
                public void onEpoch(EpochReport report) {
                    System.out.printf("EPOCH %d %d train_loss=%.3f seconds=%.1f%s%n", number, report.epoch(),
                            report.trainLoss(), report.seconds(), EpochLine.statistics(report));
                    System.out.flush();
                }
            };
            try (Vae vae = new VaeTrainer(configs.get(i)).listener(epochs).fit(train)) {
                double trainSeconds = (System.nanoTime() - start) / 1e9;
                String model = "none";
                if (out != null) {
                    Path file = out.resolve("run" + (i + 1) + ".vae");
                    vae.save(file);
                    model = file.toString();
                }
                evaluation.print(i + 1, runs.get(i), vae, trainSeconds, model);
            }
        }
    }

    /** The scores of a model on the run's images, printed as one {@code RUN} line. */
    private record Evaluation(Table train, int[][] factors, FactorVaeMetric.Protocol votes, long seed) {

        void print(int number, DisentanglementRun run, Vae vae, double trainSeconds, String model) {
            long start = System.nanoTime();
            double[][] codes = vae.encodeMeans(train);
            MutualInformationGap mig = MutualInformationGap.of(codes, factors, MutualInformationGap.DEFAULT_BINS);
            FactorVaeMetric metric = FactorVaeMetric.of(codes, new EncodedDSprites(vae), votes, seed + 1);
            double reconstruction = reconstructionLogLikelihood(vae, factors);
            double elbo = BenchRunner.mean(vae.elbo(train, seed + 2));
            double evalSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RUN %d %s mig=%.4f mig_factors=%s factorvae_metric=%.4f recon_ll=%.3f elbo=%.3f "
                    + "train_seconds=%.1f eval_seconds=%.1f model=%s%n", number, run.describe(), mig.score(),
                    Arrays.stream(mig.perFactor()).mapToObj(g -> String.format("%.3f", g))
                            .collect(Collectors.joining("/")),
                    metric.accuracy(), reconstruction, elbo, trainSeconds, evalSeconds, model);
            System.out.flush();
        }
    }

    /** The run's configuration; an objective or beta vae4j refuses fails naming --runs. */
    private static VaeConfig config(VaeConfig common, DisentanglementRun run) {
        try {
            return common.toBuilder().objective(run.objective()).beta(run.beta()).build();
        } catch (InvalidOptionException e) {
            throw new IllegalArgumentException("option --runs: " + e.getMessage(), e);
        }
    }

    /** Mean log p(x | z = posterior mean) of the images, in nats, rendered and scored a chunk at a time. */
    private static double reconstructionLogLikelihood(Vae vae, int[][] factors) {
        double sum = 0;
        for (int from = 0; from < factors.length; from += RECONSTRUCTION_CHUNK) {
            Table images = DSprites.images(Arrays.copyOfRange(factors, from,
                    Math.min(factors.length, from + RECONSTRUCTION_CHUNK)));
            Table probabilities = vae.reconstruct(images);
            for (int r = 0; r < images.rows(); r++) {
                for (int c = 0; c < images.width(); c++) {
                    double p = Math.min(1 - CLIP, Math.max(CLIP, probabilities.value(r, c)));
                    sum += images.value(r, c) == 1f ? Math.log(p) : Math.log1p(-p);
                }
            }
        }
        return sum / factors.length;
    }
}
