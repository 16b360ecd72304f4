package org.vae4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.vae4j.cli.data.ImageDataset;
import org.vae4j.cli.data.LatentsCsv;
import org.vae4j.cli.demo.DemoData;
import org.vae4j.cli.plot.TrainingPlots;
import org.vae4j.cli.progress.GracefulStop;
import org.vae4j.cli.progress.ProgressDisplay;
import org.vae4j.cli.progress.TimeBudget;
import org.vae4j.cli.report.TrainingReport;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vae4j demo}: trains the standard 784-400-20 Bernoulli VAE on Fashion-MNIST and writes the model,
 * report.json, latents.csv and the pictures into one folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a VAE on Fashion-MNIST (the full set from " + DemoData.SYSTEM_DIR
                + " when installed, else the subset shipped with vae4j) and write the model, report.json, "
                + "latents.csv and pictures into one folder."})
final class DemoCommand implements Callable<Integer> {

    /** File name of the model in the output folder. */
    static final String MODEL = "model.vae";
    /** File name of the report. */
    static final String REPORT = "report.json";
    /** File name of the test set's latent means. */
    static final String LATENTS = "latents.csv";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-output",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "5", description = "Training epochs (default ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--max-minutes", paramLabel = "MIN", defaultValue = "3",
            description = "Stop training after this many minutes, keeping the model so far (default ${DEFAULT-VALUE}).")
    private double maxMinutes;

    @Option(names = "--subset", description = "Use the shipped subset even when the full set is installed.")
    private boolean subset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "A folder holding the four Fashion-MNIST IDX gz files.")
    private Path dataDir;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "-1",
            description = "Train on at most N images (default: all).")
    private int trainLimit;

    @Option(names = "--k", paramLabel = "K", defaultValue = "100",
            description = "Importance samples for the test log-likelihood (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--ll-rows", paramLabel = "N", defaultValue = "1000",
            description = "Test images whose log-likelihood is estimated (default ${DEFAULT-VALUE}).")
    private int logLikelihoodRows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where to train (default ${DEFAULT-VALUE}).")
    private String device;

    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "10",
            description = "Epochs without a better validation ELBO before stopping early (default ${DEFAULT-VALUE}).")
    private int patience;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (k < 1 || logLikelihoodRows < 1 || !(maxMinutes > 0)) {
            throw new CliException("--k and --ll-rows must be at least 1 and --max-minutes above 0");
        }
        VaeConfig config = config();
        List<String> files = new ArrayList<>(List.of(MODEL, REPORT, LATENTS));
        files.addAll(TrainingPlots.FILES);
        new OutputFiles().outputsIn("--out", out, files).check();
        List<Path> written = new ArrayList<>();
        try (DemoData data = DemoData.locate(dataDir, subset)) {
            ImageDataset train = data.train(trainLimit);
            ImageDataset test = data.test();
            Schema schema = train.pixelSchema();
            Table trainTable = train.table(schema);
            Table testTable = test.table(schema);
            String dataset = data.shipped() ? "Fashion-MNIST subset shipped with vae4j" : "Fashion-MNIST from " + data.dir();
            err.printf("demo: %s, %d training and %d test images; a %d-400-%d Bernoulli VAE, %d epochs%n", dataset,
                    trainTable.rows(), testTable.rows(), schema.width(), config.latentDim(), config.epochs());
            TimeBudget budget = new TimeBudget(maxMinutes * 60);
            try (GracefulStop stop = GracefulStop.install(err);
                    FittedModel fitted = FittedModel.fit(config, trainTable, null, null,
                            budget.around(stop.around(ProgressDisplay.on(err))), err)) {
                if (budget.spent()) {
                    err.printf("demo: the %.3g-minute training budget ran out (--max-minutes); using the model so far%n",
                            maxMinutes);
                }
                Vae vae = fitted.vae();
                Path model = out.resolve(MODEL);
                Files.createDirectories(out);
                vae.save(model);
                written.add(model);
                err.println("demo: evaluating on the test images...");
                Table llRows = testTable.select(IntStream.range(0, Math.min(logLikelihoodRows, testTable.rows())).toArray());
                Path report = out.resolve(REPORT);
                ScoreNames names = ScoreNames.of(vae);
                TrainingReport contents = new TrainingReport(vae, fitted.seconds(), fitted.steps())
                        .put("dataset", dataset)
                        .put("train_rows", trainTable.rows())
                        .put("test_rows", testTable.rows())
                        .put("train_" + names.elbo(), Stats.mean(vae.elbo(trainTable, seed)))
                        .put("test_" + names.elbo(), Stats.mean(vae.elbo(testTable, seed)))
                        .put("test_" + names.logLikelihood(), Stats.mean(vae.logLikelihood(llRows, k, seed)))
                        .put("log_likelihood_k", k)
                        .put("log_likelihood_rows", llRows.rows())
                        .put("time_budget_spent", budget.spent());
                if (names.note() != null) {
                    contents.put("scores_note", names.note());
                }
                contents.write(report);
                written.add(report);
                Path latents = out.resolve(LATENTS);
                LatentsCsv.write(latents, vae.encode(testTable), false, test.classLabels(ImageDataset.LABEL));
                written.add(latents);
                written.addAll(TrainingPlots.write(vae, fitted.steps(), testTable,
                        test.classLabels(ImageDataset.LABEL), out, seed));
            }
        }
        stdout.println("demo output in " + out.toAbsolutePath().normalize() + ":");
        for (Path p : written) {
            stdout.println("  " + p.getFileName());
        }
        return 0;
    }

    private VaeConfig config() {
        return VaeConfig.builder()
                .latentDim(20)
                .hidden(List.of(400))
                .numericLikelihood(NumericLikelihood.BERNOULLI)
                .standardize(false)
                .epochs(epochs)
                .batchSize(128)
                .learningRate(1e-3)
                .seed(seed)
                .device(ConfigOptions.device(device))
                .validationFraction(0.1)
                .patience(patience)
                .build();
    }
}
