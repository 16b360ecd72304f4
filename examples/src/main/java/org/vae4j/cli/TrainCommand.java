package org.vae4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.vae4j.cli.data.ClassLabels;
import org.vae4j.cli.data.ColumnTyping;
import org.vae4j.cli.data.Dataset;
import org.vae4j.cli.data.ImageDataset;
import org.vae4j.cli.plot.TrainingPlots;
import org.vae4j.cli.progress.GracefulStop;
import org.vae4j.cli.progress.ProgressDisplay;
import org.vae4j.cli.report.TrainingReport;
import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.Vae;
import org.vae4j.vae.VaeConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vae4j train}: fits a (conditional) VAE to a data file and saves it, with an optional report and plots. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a VAE on a data file and save the model.", modelTransformer = ConfigOptions.class)
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions data;

    @Option(names = "--class", paramLabel = "COLUMN",
            description = "Class column: left out of the modelled columns, used to colour the latent map "
                    + "(IDX: the labels, by default). A class the ARFF file declares numeric (or --type COLUMN=numeric) "
                    + "is a target instead: modelled as a column, so that generated rows carry it.")
    private String classColumn;

    @Option(names = "--conditional", description = "Train a conditional VAE on the --class column.")
    private boolean conditional;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Override an inferred column type: numeric, binary or categorical; or a numeric column's "
                    + "model instead of the detected one, in the words of --column-types (auto, gaussian, unbounded, "
                    + "integer, positive, zero, modes, joined by +) (repeatable).")
    private Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--ignore", paramLabel = "COLUMN", split = ",", description = "Columns to leave out.")
    private List<String> ignored = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save the model.")
    private Path out;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Write a checkpoint here after every epoch: the model plus what only training needs (the "
                    + "objective's training-only networks, such as factorvae's discriminator, and the optimizers' "
                    + "state), to continue from with --resume. It loads like any model.")
    private Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the training run of this checkpoint (written with --checkpoint; may be the same "
                    + "file) on the same data, up to --epochs in all; the other options must be the checkpoint's.")
    private Path resume;

    @Option(names = "--report", paramLabel = "REPORT.json", description = "Write a JSON training report here.")
    private Path report;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write loss, latent-map and image PNGs here.")
    private Path plots;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        new OutputFiles().inputs("--data", data.files()).output("--out", out).output("--checkpoint", checkpoint)
                .output("--report", report)
                .outputsIn("--plots", plots, TrainingPlots.FILES).check();
        Map<String, ColumnType> dataTypes = new LinkedHashMap<>();
        List<String> modelTypes = new ArrayList<>();
        types.forEach((column, type) -> dataType(type).ifPresentOrElse(t -> dataTypes.put(column, t),
                () -> modelTypes.add(column + ":" + type)));
        Dataset dataset = data.load(ColumnTyping.forTraining(dataTypes, new HashSet<>(ignored), classColumn));
        for (String warning : dataset.warnings()) {
            err.println("vae4j train: warning: " + warning);
        }
        String label = classColumn != null ? classColumn : dataset.defaultClass().orElse(null);
        if (conditional && label == null) {
            throw new CliException("--conditional needs --class COLUMN: the column to condition on");
        }
        boolean numericClass = label != null && dataset.column(label).type() == ColumnType.NUMERIC;
        if (conditional && numericClass) {
            throw new CliException("--conditional needs a class of labels, but --class '" + label + "' is numeric: "
                    + "leave out --conditional to model it as a column, so that generated rows carry it");
        }
        Schema schema = schema(dataset, numericClass ? null : label);
        Table table = dataset.table(schema);
        NumericLikelihood likelihood = dataset instanceof ImageDataset ? NumericLikelihood.BERNOULLI
                : NumericLikelihood.GAUSSIAN;
        VaeConfig config = withColumnTypes(ConfigOptions.config(spec, likelihood), modelTypes);
        err.printf("training on %s: %d rows, %d columns%s%n", data.file, table.rows(), table.width(),
                conditional ? ", conditional on '" + label + "'"
                        : numericClass ? ", the numeric class '" + label + "' modelled as a column" : "");
        try (GracefulStop stop = GracefulStop.install(err);
                FittedModel fitted = FittedModel.fit(config, table, checkpoint, resume,
                        stop.around(ProgressDisplay.on(err)), err)) {
            Vae vae = fitted.vae();
            vae.save(out);
            stdout.println("model: " + out);
            if (report != null) {
                new TrainingReport(vae, fitted.seconds(), fitted.steps())
                        .put("data", data.file.toString())
                        .put("rows", table.rows())
                        .put("class", label)
                        .put("train_elbo", Stats.mean(vae.elbo(table, config.seed())))
                        .write(report);
                stdout.println("report: " + report);
            }
            if (plots != null && !stop.requested()) {
                ClassLabels labels = label == null || numericClass ? null : dataset.classLabels(label);
                for (Path p : TrainingPlots.write(vae, fitted.steps(), table, labels, plots, config.seed())) {
                    stdout.println("plot: " + p);
                }
            }
        }
        return 0;
    }

    /** The data type a {@code --type} word names, if it names one rather than a column model. */
    private static Optional<ColumnType> dataType(String word) {
        return Arrays.stream(ColumnType.values()).filter(t -> t.name().equalsIgnoreCase(word.trim())).findFirst();
    }

    /** {@code config} with the column models given to {@code --type} added to those of {@code --column-types}. */
    private static VaeConfig withColumnTypes(VaeConfig config, List<String> modelTypes) {
        if (modelTypes.isEmpty()) {
            return config;
        }
        String declared = config.columnTypes().toString();
        String all = (declared.isEmpty() ? "" : declared + ",") + String.join(",", modelTypes);
        try {
            return config.toBuilder().columnTypes(all).build();
        } catch (IllegalArgumentException e) {
            throw new CliException("--type: " + e.getMessage());
        }
    }

    private Schema schema(Dataset dataset, String label) {
        Set<String> skip = new HashSet<>(ignored);
        if (label != null) {
            dataset.classLabels(label);
            skip.add(label);
        }
        List<Column> features = dataset.columns().stream().filter(c -> !skip.contains(c.name())).toList();
        if (features.isEmpty()) {
            throw new CliException(data.file + ": no columns left to model");
        }
        return new Schema(features, conditional ? dataset.column(label) : null);
    }
}
