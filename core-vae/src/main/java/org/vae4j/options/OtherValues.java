package org.vae4j.options;

/**
 * A valid value other than the default for an option, made from its description alone. Front ends use it to
 * check that every option reaches the engine through them (the way Weka's {@code CheckOptionHandler} checks
 * option handling): set each option to its other value, and see it arrive.
 */
public final class OtherValues {

    private OtherValues() {}

    /**
     * A text the option accepts that differs from its default, or the default itself where nothing else is
     * accepted (a component kind with a single registered component).
     */
    public static String of(OptionDescription option, ComponentRegistry registry) {
        return switch (option.type()) {
            case INT, LONG -> Long.toString(((Number) option.defaultValue()).longValue() + 2);
            case DOUBLE -> Double.toString(((Double) option.defaultValue()) / 2 + 0.25);
            case BOOLEAN -> Boolean.toString(!(Boolean) option.defaultValue());
            case CHOICE -> option.choices().stream().filter(c -> !c.equals(option.defaultText())).findFirst()
                    .orElse(option.defaultText());
            case INT_LIST -> "7,3";
            case TEXT -> option.textForm().orElseThrow().example();
            case COMPONENT -> registry.ofKind(option.kind().orElseThrow()).stream()
                    .map(t -> t.options().isEmpty() ? t.id()
                            : t.id() + ":" + t.options().get(0).name() + "=" + of(t.options().get(0), registry))
                    .filter(s -> !s.equals(option.defaultText())).findFirst().orElse(option.defaultText());
        };
    }
}
