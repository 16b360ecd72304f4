package org.vae4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.vae.EpochReport;
import org.vae4j.vae.TrainingHistory;
import org.vae4j.options.ComponentSpec;
import org.vae4j.vae.Vae;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vae4j info}: what a model file holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Describe what a model file holds.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Override
    public Integer call() throws Exception {
        try (Vae vae = model.load()) {
            PrintWriter out = spec.commandLine().getOut();
            Schema schema = vae.schema();
            out.printf("file: %s (%,d bytes)%n", model.file(), Files.size(model.file()));
            out.printf("latent dimensions: %d%n", vae.latentDim());
            out.printf("parameters: %,d%n", vae.parameterCount());
            out.printf("columns: %d (%s)%n", schema.width(), schema.features().stream()
                    .collect(Collectors.groupingBy(c -> c.type().name().toLowerCase(), Collectors.counting()))
                    .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).sorted()
                    .collect(Collectors.joining(", ")));
            out.printf("column names: %s%n", org.vae4j.cli.data.Dataset.describe(schema.features()));
            out.printf("condition: %s%n", schema.condition().map(InfoCommand::describe).orElse("none"));
            out.println("components:");
            for (ComponentSpec component : List.of(vae.config().guide(), vae.config().prior(),
                    vae.config().objective())) {
                out.printf("  %s: %s (version %d) - %s%n", component.kind().name(), component,
                        component.type().version(), component.type().summary());
            }
            out.printf("numeric likelihood: %s%s%n", vae.config().numericLikelihood().name().toLowerCase(),
                    vae.likelihoodIsDensity() ? "" : " (binary cross-entropy on grey levels: its ELBOs, "
                            + "log-likelihoods and anomaly scores are not log-densities)");
            TrainingHistory history = vae.history();
            out.printf("training: %d epochs, kept epoch %d, %s%n", history.epochs().size(), history.bestEpoch(),
                    history.stopReason().name().toLowerCase().replace('_', ' '));
            if (!history.epochs().isEmpty()) {
                EpochReport last = history.epochs().get(history.epochs().size() - 1);
                out.printf("last epoch: train loss %.4f, validation ELBO %.4f, %.0f samples/s%n", last.trainLoss(),
                        last.validationElbo(), last.samplesPerSecond());
                last.statistics().forEach((name, value) -> out.printf("  %s %.4g%n", name, value));
            }
            out.println("configuration:");
            for (Map.Entry<String, String> e : vae.config().toMap().entrySet()) {
                out.printf("  %s = %s%n", e.getKey(), e.getValue());
            }
        }
        return 0;
    }

    private static String describe(Column c) {
        return "'" + c.name() + "' with " + c.levels().size() + " classes: " + String.join(", ", c.levels());
    }
}
