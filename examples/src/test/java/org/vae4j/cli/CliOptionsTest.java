package org.vae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.options.ComponentRegistry;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.options.OtherValues;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

import picocli.CommandLine;

/**
 * Every option of vae4j's registry is a flag of {@code vae4j train}, listed in its help with the registry's
 * default, and reaches the VAE's configuration; without flags the configuration is the registry's defaults.
 * The options and values come from the registry's descriptions, not from a list in this test.
 */
class CliOptionsTest {

    /** The configuration {@code train} builds from {@code flags} (parsed, not run). */
    private static VaeConfig parsed(List<String> flags) {
        List<String> args = new ArrayList<>(List.of("train", "--data", "in.csv", "--out", "out.vae"));
        args.addAll(flags);
        CommandLine cli = Vae4j.commandLine();
        CommandLine.ParseResult result = cli.parseArgs(args.toArray(new String[0]));
        return ConfigOptions.config(result.subcommand().commandSpec(), NumericLikelihood.GAUSSIAN);
    }

    @Test
    void withoutFlagsTheConfigurationIsTheRegistryDefaults() {
        assertEquals(VaeConfig.builder().build(), parsed(List.of()));
    }

    @Test
    void everyOptionIsAFlagThatReachesTheConfiguration() {
        List<String> flags = new ArrayList<>();
        for (OptionDescription option : VaeOptions.ALL) {
            String other = OtherValues.of(option, ComponentRegistry.standard());
            if (option.type() != OptionType.BOOLEAN) {
                flags.add(ConfigOptions.flag(option));
                flags.add(other);
            } else if (!other.equals(option.defaultText())) {
                flags.add(ConfigOptions.flag(option));
            }
        }
        VaeConfig config = parsed(flags);
        for (OptionDescription option : VaeOptions.ALL) {
            String other = OtherValues.of(option, ComponentRegistry.standard());
            assertEquals(option.format(option.parse(other)), config.toMap().get(option.name()), option.name());
        }
        assertEquals("false", parsed(List.of("--no-shuffle")).toMap().get("shuffle"));
    }

    @Test
    void theHelpListsEveryFlagWithItsDefault() {
        Cli.Result help = Cli.run("train", "--help");
        String text = help.out().replaceAll("\\s+", "");
        for (OptionDescription option : VaeOptions.ALL) {
            assertTrue(text.contains(ConfigOptions.flag(option)), option.name() + " missing from: " + help.out());
            assertTrue(text.contains(option.commandHelp().replaceAll("\\s+", ""))
                    || option == VaeOptions.NUMERIC_LIKELIHOOD, option.name() + " has no help with its default");
        }
    }

    @Test
    void aBadComponentSpecNamesTheFlagTheComponentAndItsOption(@TempDir Path dir) throws IOException {
        Path data = Fixtures.csv(dir, "points.csv", 20);
        Cli.Result badK = Cli.run("train", "--data", data.toString(), "--objective", "iwae:k=0", "--out",
                dir.resolve("m.vae").toString());
        badK.assertUserError("--objective 'iwae': its option k must be >= 1, got 0");
        Cli.Result unknown = Cli.run("train", "--data", data.toString(), "--prior", "exemplar:K=500", "--out",
                dir.resolve("m.vae").toString());
        unknown.assertUserError("--prior names an unknown prior 'exemplar'", "vamp");
    }

    @Test
    void theDisentanglingObjectivesTrainFromTheCommandLine(@TempDir Path dir) throws IOException {
        Path data = Fixtures.csv(dir, "points.csv", 40);
        for (String objective : List.of("tcvae:beta=6", "factorvae:gamma=35,width=16,depth=1")) {
            Path model = dir.resolve(objective.substring(0, objective.indexOf(':')) + ".vae");
            Cli.Result r = Cli.run("train", "--data", data.toString(), "--latent", "2", "--hidden", "8", "--epochs",
                    "1", "--objective", objective, "--out", model.toString());
            assertEquals(0, r.code(), r.all());
            Cli.Result info = Cli.run("info", "--model", model.toString());
            assertTrue(info.out().contains("objective: " + objective.substring(0, objective.indexOf(':'))),
                    info.all());
        }
        Cli.Result bad = Cli.run("train", "--data", data.toString(), "--objective", "tcvae:estimator=exact", "--out",
                dir.resolve("m.vae").toString());
        bad.assertUserError("--objective 'tcvae'", "estimator");
    }
}
