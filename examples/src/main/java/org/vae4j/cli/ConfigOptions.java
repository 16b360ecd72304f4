package org.vae4j.cli;

import org.vae4j.engine.DeviceChoice;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The model and training options of {@code train}, made from the option registry ({@link VaeOptions}): one
 * {@code --flag} per option with the option's help, accepted values and default, so that the command line
 * offers every option with the same defaults as Weka and Tribuo. A component is given as its spec
 * ({@code --objective iwae:k=5}); a true/false option is a switch that changes its default
 * ({@code --no-shuffle}).
 */
final class ConfigOptions implements CommandLine.IModelTransformer {

    /** Adds an option per registry option to {@code spec}. */
    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (OptionDescription option : VaeOptions.ALL) {
            spec.addOption(optionSpec(option));
        }
        return spec;
    }

    private static OptionSpec optionSpec(OptionDescription option) {
        String help = option.commandHelp();
        if (option == VaeOptions.NUMERIC_LIKELIHOOD) {
            help = help.replace("(default ", "(default: bernoulli for IDX images, else ");
        }
        OptionSpec.Builder builder = OptionSpec.builder(flag(option)).description(help.replace("%", "%%"));
        if (option.type() == OptionType.BOOLEAN) {
            return builder.type(boolean.class).arity("0").build();
        }
        return builder.type(String.class).paramLabel(paramLabel(option)).build();
    }

    /** The command-line flag of {@code option}. */
    static String flag(OptionDescription option) {
        return "--" + option.commandFlag();
    }

    private static String paramLabel(OptionDescription option) {
        return switch (option.type()) {
            case CHOICE -> String.join("|", option.choices());
            case COMPONENT -> "ID[:KEY=VALUE,...]";
            case INT_LIST -> "N[,N...]";
            case TEXT -> option.textForm().orElseThrow().pattern();
            case DOUBLE -> "X";
            default -> "N";
        };
    }

    /**
     * The configuration the options of {@code spec} give.
     *
     * @param defaultLikelihood the likelihood when {@code --likelihood} is not given
     * @throws org.vae4j.vae.InvalidOptionException naming core's option that is malformed or out of range (the
     *     {@link ErrorHandler} reports it by its flag)
     */
    static VaeConfig config(CommandSpec spec, NumericLikelihood defaultLikelihood) {
        VaeConfig.Builder builder = VaeConfig.builder().numericLikelihood(defaultLikelihood);
        for (OptionDescription option : VaeOptions.ALL) {
            Object value = spec.findOption(flag(option)).getValue();
            if (option.type() == OptionType.BOOLEAN && Boolean.TRUE.equals(value)) {
                builder.set(option.name(), Boolean.toString(!(Boolean) option.defaultValue()));
            } else if (option.type() != OptionType.BOOLEAN && value != null) {
                builder.set(option.name(), value.toString());
            }
        }
        return builder.build();
    }

    /**
     * The device a {@code --device} value names.
     *
     * @throws CliException naming the flag and the values it takes
     */
    static DeviceChoice device(String text) {
        try {
            return DeviceChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("--device must be one of auto, cpu, gpu; got '" + text + "'");
        }
    }
}
