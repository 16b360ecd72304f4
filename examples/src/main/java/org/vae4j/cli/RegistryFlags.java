package org.vae4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line flags made from option descriptions: one {@code --flag} per option with its help, accepted
 * values and default; a true/false option is a switch that changes its default ({@code --no-shuffle}), a
 * component is given as its spec ({@code --objective iwae:k=5}). Commands add them with a picocli model
 * transformer and read back the texts the user gave, so no command writes an option list by hand.
 */
final class RegistryFlags {

    private RegistryFlags() {}

    /** The picocli option of {@code option}, with {@code help} as its description. */
    static OptionSpec optionSpec(OptionDescription option, String help) {
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
     * The texts the user gave in {@code spec} for {@code options}, keyed by option name: a switch given stands
     * for the opposite of its option's default; options not given are left out.
     */
    static Map<String, String> given(CommandSpec spec, List<OptionDescription> options) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (OptionDescription option : options) {
            Object value = spec.findOption(flag(option)).getValue();
            if (option.type() == OptionType.BOOLEAN && Boolean.TRUE.equals(value)) {
                texts.put(option.name(), Boolean.toString(!(Boolean) option.defaultValue()));
            } else if (option.type() != OptionType.BOOLEAN && value != null) {
                texts.put(option.name(), value.toString());
            }
        }
        return texts;
    }
}
