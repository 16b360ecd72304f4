package org.vae4j.cli;

import java.util.function.Supplier;

import org.vae4j.np.NeuralProcessOptions;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.InvalidOptionException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The model and training options of {@code np-train}, made from {@link NeuralProcessOptions} by
 * {@link RegistryFlags}: the same options and defaults as the Weka classifier and the Tribuo trainer.
 */
final class NeuralProcessFlags implements CommandLine.IModelTransformer {

    /** Adds an option per neural-process option to {@code spec}. */
    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (OptionDescription option : NeuralProcessOptions.ALL) {
            spec.addOption(RegistryFlags.optionSpec(option, option.commandHelp()));
        }
        return spec;
    }

    /**
     * The options the command line of {@code spec} gives.
     *
     * @throws CliException naming the flag of an option that is malformed or out of range
     */
    static OptionValues values(CommandSpec spec) {
        return naming(() -> NeuralProcessOptions.parse(RegistryFlags.given(spec, NeuralProcessOptions.ALL)));
    }

    /**
     * The result of {@code work}, with a core error about a neural-process option reported by its flag.
     *
     * @throws CliException naming the flag, for an {@link InvalidOptionException} of a neural-process option
     */
    static <T> T naming(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidOptionException e) {
            boolean known = NeuralProcessOptions.ALL.stream().anyMatch(o -> o.name().equals(e.option()));
            if (!known) {
                throw e;
            }
            throw new CliException(RegistryFlags.flag(NeuralProcessOptions.named(e.option())) + " " + e.problem());
        }
    }
}
