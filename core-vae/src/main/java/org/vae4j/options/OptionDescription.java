package org.vae4j.options;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.vae4j.vae.InvalidOptionException;

/**
 * One option, described once: its name, the flag that sets it on command lines, its type, default, accepted
 * values and a one-line help text. The command line, Weka and Tribuo build their options from these
 * descriptions, so that every front end offers the same options with the same defaults.
 *
 * <p>Values are typed: {@link Integer}, {@link Long}, {@link Double}, {@link Boolean}, a lower-case
 * {@link String} for a choice, a {@code List<Integer>} for an integer list and a {@link ComponentSpec} for a
 * component. An option may also have an "unset" word (such as {@code mirror}) whose value is {@code null}
 * and whose meaning its help text gives. {@link #parse} and {@link #format} convert between values and text;
 * {@link #fullHelp()} lists a component option's registered components, so a new one shows in every help.
 */
public final class OptionDescription {

    private final String name;
    private final String flag;
    private final OptionType type;
    private final String defaultText;
    private final Constraint constraint;
    private final String help;
    private final List<String> choices;
    private final ComponentKind kind;
    private final String unsetText;
    private final TextForm textForm;

    /**
     * How a text option's values are written.
     *
     * @param pattern the form of a value, for help screens ({@code NAME:TYPE,...})
     * @param example a valid value other than the default, for checks that every option reaches the engine
     */
    public record TextForm(String pattern, String example) {}

    private OptionDescription(String name, String flag, OptionType type, String defaultText, Constraint constraint,
            String help, List<String> choices, ComponentKind kind, String unsetText, TextForm textForm) {
        this.name = Objects.requireNonNull(name, "name");
        this.flag = Objects.requireNonNull(flag, "flag");
        this.type = type;
        this.defaultText = defaultText;
        this.constraint = constraint;
        this.help = help;
        this.choices = List.copyOf(choices);
        this.kind = kind;
        this.unsetText = unsetText;
        this.textForm = textForm;
    }

    /** An integer option. */
    public static OptionDescription ofInt(String name, int defaultValue, Constraint constraint, String help) {
        return new OptionDescription(name, name, OptionType.INT, Integer.toString(defaultValue), constraint, help,
                List.of(), null, null, null);
    }

    /** A long integer option. */
    public static OptionDescription ofLong(String name, long defaultValue, Constraint constraint, String help) {
        return new OptionDescription(name, name, OptionType.LONG, Long.toString(defaultValue), constraint, help,
                List.of(), null, null, null);
    }

    /** A number option. */
    public static OptionDescription ofDouble(String name, double defaultValue, Constraint constraint, String help) {
        return new OptionDescription(name, name, OptionType.DOUBLE, Double.toString(defaultValue), constraint, help,
                List.of(), null, null, null);
    }

    /** A true/false option. */
    public static OptionDescription ofBoolean(String name, boolean defaultValue, String help) {
        return new OptionDescription(name, name, OptionType.BOOLEAN, Boolean.toString(defaultValue),
                Constraint.any(), help, List.of(), null, null, null);
    }

    /** An option naming one of {@code choices} (matched in any case, written in lower case). */
    public static OptionDescription ofChoice(String name, List<String> choices, String defaultValue, String help) {
        List<String> lower = choices.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        return new OptionDescription(name, name, OptionType.CHOICE, defaultValue.toLowerCase(Locale.ROOT),
                Constraint.any(), help, lower, null, null, null);
    }

    /** An option naming one of an enum's constants (in lower case). */
    public static OptionDescription ofEnum(String name, Class<? extends Enum<?>> values, Enum<?> defaultValue,
            String help) {
        List<String> names = Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
        return ofChoice(name, names, defaultValue.name(), help);
    }

    /** A comma-separated integer list option. */
    public static OptionDescription ofIntList(String name, List<Integer> defaultValue, Constraint constraint,
            String help) {
        return new OptionDescription(name, name, OptionType.INT_LIST, joinInts(defaultValue), constraint, help,
                List.of(), null, null, null);
    }

    /** An option choosing a component of {@code kind}, by default the one {@code defaultSpec} writes. */
    public static OptionDescription ofComponent(String name, ComponentKind kind, String defaultSpec, String help) {
        return new OptionDescription(name, name, OptionType.COMPONENT, defaultSpec, Constraint.any(), help,
                List.of(), kind, null, null);
    }

    /**
     * A free-text option whose values {@code constraint} checks (an empty text is allowed when it accepts it).
     *
     * @param form the form of a value and an example of one
     */
    public static OptionDescription ofText(String name, String defaultValue, TextForm form, Constraint constraint,
            String help) {
        return new OptionDescription(name, name, OptionType.TEXT, defaultValue, constraint, help, List.of(), null,
                null, Objects.requireNonNull(form, "form"));
    }

    /** This option set by {@code --flag} on the command line and {@code -flag} in Weka. */
    public OptionDescription withFlag(String newFlag) {
        return new OptionDescription(name, newFlag, type, defaultText, constraint, help, choices, kind, unsetText,
                textForm);
    }

    /** This option with the word that leaves it unset (its value null) as its default. */
    public OptionDescription unsetBy(String word) {
        return new OptionDescription(name, flag, type, word, constraint, help, choices, kind, word, textForm);
    }

    /** The option's name: the key in option maps and model files, the Weka property and the Tribuo field. */
    public String name() {
        return name;
    }

    /** The command-line flag, without dashes ({@code --flag} for the CLI, {@code -flag} for Weka). */
    public String flag() {
        return flag;
    }

    /**
     * The flag command lines take, without dashes: {@link #flag()}, but for a true/false option the bare switch
     * that changes its default ({@code no-shuffle} for an option that is true by default).
     */
    public String commandFlag() {
        return type == OptionType.BOOLEAN && Boolean.parseBoolean(defaultText) ? "no-" + flag : flag;
    }

    /** The help text for {@link #commandFlag()}: {@link #fullHelp()}, or for a switch what giving it does. */
    public String commandHelp() {
        if (type != OptionType.BOOLEAN) {
            return fullHelp();
        }
        return help + (Boolean.parseBoolean(defaultText) ? " (on by default; this switch turns it off)"
                : " (off by default; this switch turns it on)");
    }

    /** The type of value. */
    public OptionType type() {
        return type;
    }

    /** The default value as text, parseable by {@link #parse}. */
    public String defaultText() {
        return defaultText;
    }

    /** The default value, parsed. */
    public Object defaultValue() {
        return parse(defaultText);
    }

    /** The values accepted beyond the type. */
    public Constraint constraint() {
        return constraint;
    }

    /** One line of help. */
    public String help() {
        return help;
    }

    /** The words a choice accepts (empty for other types). */
    public List<String> choices() {
        return choices;
    }

    /** The kind of component a component option chooses (empty for other types). */
    public Optional<ComponentKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** How a text option's values are written (empty for other types). */
    public Optional<TextForm> textForm() {
        return Optional.ofNullable(textForm);
    }

    /** The word that leaves this option unset, if it has one. */
    public Optional<String> unsetText() {
        return Optional.ofNullable(unsetText);
    }

    /** The help text with the accepted values and the default, as help screens and tip texts show it. */
    public String fullHelp() {
        StringBuilder text = new StringBuilder(help);
        if (type == OptionType.CHOICE) {
            text.append(" One of: ").append(String.join(", ", choices)).append('.');
        } else if (type == OptionType.COMPONENT) {
            text.append(" Registered: ").append(String.join(", ", ComponentRegistry.standard().ofKind(kind).stream()
                    .map(OptionDescription::withDefaults).toList())).append('.');
        } else if (!constraint.text().isEmpty()) {
            text.append(" Must be ").append(constraint.text()).append('.');
        }
        return text.append(" (default ").append(defaultText.isEmpty() ? "empty" : defaultText).append(')')
                .toString();
    }

    /** A component's id with its options at their defaults, as in {@code iwae[:k=5]}. */
    private static String withDefaults(ComponentType component) {
        if (component.options().isEmpty()) {
            return component.id();
        }
        return component.id() + "[:" + String.join(",", component.options().stream()
                .map(o -> o.name() + "=" + o.defaultText()).toList()) + "]";
    }

    /**
     * The value {@code text} stands for, checked against the type and the constraint; components are looked up
     * in {@link ComponentRegistry#standard()}.
     *
     * @throws InvalidOptionException naming this option
     */
    public Object parse(String text) {
        return parse(text, null);
    }

    /**
     * As {@link #parse(String)}, looking components up in {@code registry} (the standard one when null).
     *
     * @throws InvalidOptionException naming this option
     */
    public Object parse(String text, ComponentRegistry registry) {
        if (text == null) {
            throw new InvalidOptionException(name, "must be set", null);
        }
        String t = text.trim();
        if (t.equals(unsetText)) {
            return null;
        }
        Object value;
        try {
            value = switch (type) {
                case INT -> Integer.valueOf(t);
                case LONG -> Long.valueOf(t);
                case DOUBLE -> Double.valueOf(t);
                case BOOLEAN -> parseBoolean(t);
                case CHOICE -> parseChoice(t);
                case INT_LIST -> parseInts(t);
                case TEXT -> t;
                case COMPONENT -> ComponentSpec.parse(this, t, registry == null ? ComponentRegistry.standard()
                        : registry);
            };
        } catch (NumberFormatException e) {
            throw new InvalidOptionException(name, "cannot parse '" + text + "' as "
                    + (type == OptionType.INT_LIST ? "comma-separated integers" : "a number"), e);
        }
        return check(value);
    }

    /**
     * {@code value} if the constraint accepts it (null only for an option with an unset word).
     *
     * @throws InvalidOptionException naming this option
     */
    public Object check(Object value) {
        if (value == null) {
            if (unsetText == null) {
                throw new InvalidOptionException(name, "must be set", null);
            }
            return null;
        }
        if (!constraint.accepts(value)) {
            throw new InvalidOptionException(name, "must be " + constraint.text() + ", got " + format(value), null);
        }
        return value;
    }

    /** The text {@link #parse} reads back as {@code value}. */
    public String format(Object value) {
        if (value == null) {
            return unsetText;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }

    private Boolean parseBoolean(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new InvalidOptionException(name, "expects true or false, got '" + t + "'", null);
        }
        return Boolean.valueOf(lower);
    }

    private String parseChoice(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            throw new InvalidOptionException(name, "must be one of " + String.join(", ", choices) + "; got '" + t
                    + "'", null);
        }
        return lower;
    }

    private static List<Integer> parseInts(String t) {
        if (t.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(t.split(",", -1)).map(s -> Integer.valueOf(s.trim())).toList();
    }

    private static String joinInts(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + ", default " + defaultText + ")";
    }
}
