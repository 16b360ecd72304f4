package org.vae4j.tribuo;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

/**
 * Copies between option values (a {@link VaeConfig}, or any list of option descriptions) and a trainer's OLCUT
 * {@code @Config} fields, one field per option, named as the option. OLCUT configures, and Tribuo's provenance records, fields; this
 * class lets those fields be the only thing a trainer writes per option. Field types follow the option
 * types: {@code int}, {@code long}, {@code double}, {@code boolean}, {@code int[]} (null for an option that
 * is unset), an enum for a choice, and a {@code String} spec such as {@code iwae:k=5} for a component.
 */
final class OptionFields {

    private OptionFields() {}

    /**
     * A builder holding the value of every option's field in {@code holder}.
     *
     * @throws org.vae4j.vae.InvalidOptionException naming the option whose field holds an unaccepted value
     */
    static VaeConfig.Builder read(Object holder) {
        VaeConfig.Builder builder = VaeConfig.builder();
        texts(holder, VaeOptions.ALL).forEach(builder::set);
        return builder;
    }

    /** Sets every option's field in {@code holder} to its value in {@code config}. */
    static void write(VaeConfig config, Object holder) {
        write(config.values(), holder);
    }

    /**
     * The value of each of {@code options} as its field in {@code holder} holds it, as the option's text, keyed
     * by option name ({@code null} for a missing value the option does not allow).
     */
    static Map<String, String> texts(Object holder, List<OptionDescription> options) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (OptionDescription option : options) {
            texts.put(option.name(), text(option, get(field(holder, option), holder)));
        }
        return texts;
    }

    /** Sets the field of each option of {@code values} in {@code holder} to its value. */
    static void write(OptionValues values, Object holder) {
        for (OptionDescription option : values.descriptions()) {
            Field field = field(holder, option);
            try {
                field.set(holder, fieldValue(field.getType(), option, values.get(option.name())));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The default of a choice option as a constant of the enum its field has. */
    static <E extends Enum<E>> E defaultOf(OptionDescription option, Class<E> type) {
        return Enum.valueOf(type, option.defaultText().toUpperCase(Locale.ROOT));
    }

    /** The default of an integer-list option as its field holds it (null when the option is unset). */
    @SuppressWarnings("unchecked")
    static int[] defaultInts(OptionDescription option) {
        List<Integer> widths = (List<Integer>) option.defaultValue();
        return widths == null ? null : widths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The field of {@code holder}'s class called as {@code option}. */
    static Field field(Object holder, OptionDescription option) {
        try {
            Field field = holder.getClass().getDeclaredField(option.name());
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(holder.getClass().getSimpleName() + " has no field for option "
                    + option.name(), e);
        }
    }

    private static Object get(Field field, Object holder) {
        try {
            return field.get(holder);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A field's value as the option's text ({@code null} for a missing value the option does not allow). */
    static String text(OptionDescription option, Object fieldValue) {
        if (fieldValue instanceof int[] ints) {
            return Arrays.stream(ints).mapToObj(Integer::toString).collect(Collectors.joining(","));
        }
        return fieldValue == null ? option.unsetText().orElse(null) : option.format(fieldValue);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fieldValue(Class<?> type, OptionDescription option, Object value) {
        if (value == null) {
            return null;
        }
        if (type == int[].class) {
            return ((List<Integer>) value).stream().mapToInt(Integer::intValue).toArray();
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value.toString().toUpperCase(Locale.ROOT));
        }
        if (type == String.class) {
            return option.format(value);
        }
        return value;
    }
}
