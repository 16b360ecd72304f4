package org.vae4j.preprocess;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;

/**
 * The numeric column types a user declares, overriding what is detected from the training data, written as
 * {@code name:type[+type],...} (the {@code columnTypes} option); {@code *} names every numeric column not named
 * otherwise. A declared type replaces detection for its column: the column has exactly the traits listed.
 * Words: {@code auto} (detect, the default), {@code gaussian} (standardised, no other trait), and the traits
 * {@code unbounded} (may extrapolate beyond the training range), {@code integer}, {@code positive} (log scale),
 * {@code zero} (an exact-zero spike) and {@code modes} (mode-specific normalisation).
 */
public final class ColumnTypes {

    /** A trait a numeric column can have. */
    public enum Trait {
        /** Decoded values may leave the training range (otherwise they are kept within it). */
        UNBOUNDED,
        /** Decoded values are rounded to integers. */
        INTEGER,
        /** Non-zero values are strictly positive and modelled on log scale. */
        POSITIVE,
        /** Exact zeros are a mode of their own. */
        ZERO,
        /** Values are encoded by mode-specific normalisation (a Gaussian mixture's mode and an offset). */
        MODES
    }

    private static final String ALL = "*";
    private static final String AUTO = "auto";
    private static final String GAUSSIAN = "gaussian";

    /** No declared type: every column detected. */
    public static final ColumnTypes DETECT = new ColumnTypes(Map.of());

    private final Map<String, Optional<Set<Trait>>> declared;

    private ColumnTypes(Map<String, Optional<Set<Trait>>> declared) {
        this.declared = declared;
    }

    /** The accepted words, for help texts. */
    public static List<String> words() {
        List<String> words = new java.util.ArrayList<>(List.of(AUTO, GAUSSIAN));
        for (Trait trait : Trait.values()) {
            words.add(word(trait));
        }
        return words;
    }

    private static String word(Trait trait) {
        return trait.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code name:type[+type],...} (empty for none).
     *
     * @throws IllegalArgumentException naming the entry or word that is malformed, or a column given twice
     */
    public static ColumnTypes parse(String text) {
        Map<String, Optional<Set<Trait>>> declared = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return DETECT;
        }
        for (String entry : text.split(",", -1)) {
            int colon = entry.lastIndexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not name:type");
            }
            if (declared.put(name, traits(entry.substring(colon + 1))) != null) {
                throw new IllegalArgumentException("column '" + name + "' is given twice");
            }
        }
        return new ColumnTypes(Collections.unmodifiableMap(declared));
    }

    /** Whether {@link #parse} accepts {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The traits a type word list names: empty (detect) for auto. */
    private static Optional<Set<Trait>> traits(String type) {
        Set<Trait> traits = EnumSet.noneOf(Trait.class);
        for (String word : type.split("\\+", -1)) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            if (w.equals(AUTO) || w.equals(GAUSSIAN)) {
                if (!type.trim().equalsIgnoreCase(w)) {
                    throw new IllegalArgumentException("'" + w + "' cannot be combined with other types in '"
                            + type.trim() + "'");
                }
                return w.equals(AUTO) ? Optional.empty() : Optional.of(traits);
            }
            Trait trait = null;
            for (Trait t : Trait.values()) {
                if (word(t).equals(w)) {
                    trait = t;
                }
            }
            if (trait == null) {
                throw new IllegalArgumentException("unknown column type '" + word.trim() + "' (known: "
                        + String.join(", ", words()) + ")");
            }
            traits.add(trait);
        }
        return Optional.of(traits);
    }

    /**
     * The declared traits of each column of {@code schema}, by index: null where the column is detected.
     *
     * @throws IllegalArgumentException naming a declared column the schema lacks or that is not numeric
     */
    @SuppressWarnings("unchecked")
    Set<Trait>[] resolve(Schema schema) {
        for (String name : declared.keySet()) {
            if (name.equals(ALL)) {
                continue;
            }
            int index = schema.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("columnTypes: the data has no column '" + name + "' (columns: "
                        + schema.features().stream().map(Column::name).collect(Collectors.joining(", ")) + ")");
            }
            if (schema.column(index).type() != ColumnType.NUMERIC) {
                throw new IllegalArgumentException("columnTypes: column '" + name + "' is "
                        + schema.column(index).type().name().toLowerCase(Locale.ROOT) + ", not numeric");
            }
        }
        Set<Trait>[] out = new Set[schema.width()];
        Optional<Set<Trait>> all = declared.getOrDefault(ALL, Optional.empty());
        for (int c = 0; c < out.length; c++) {
            out[c] = declared.getOrDefault(schema.column(c).name(), all).orElse(null);
        }
        return out;
    }

    @Override
    public String toString() {
        return declared.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().map(t -> t.isEmpty() ? GAUSSIAN
                : t.stream().map(ColumnTypes::word).collect(Collectors.joining("+"))).orElse(AUTO))
                .collect(Collectors.joining(","));
    }
}
