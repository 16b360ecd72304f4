package org.vae4j.weka;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;

import weka.core.Option;
import weka.core.Utils;

/**
 * The command line of a vae4j scheme that has {@link OptionSettings} and a seed: the settings' options, then
 * {@code -S <seed>} (default 1), then the options the scheme's Weka superclass has.
 */
public final class SeededOptions {

    /** The seed when {@code -S} is not given. */
    public static final int DEFAULT_SEED = 1;

    private SeededOptions() {}

    /** The settings' options, the seed, then the inherited options. */
    public static Enumeration<Option> list(List<Option> settings, Enumeration<Option> inherited) {
        Vector<Option> result = new Vector<>(settings);
        result.add(new Option("\tRandom seed.\n\t(default " + DEFAULT_SEED + ")", "S", 1, "-S <num>"));
        result.addAll(Collections.list(inherited));
        return result.elements();
    }

    /**
     * Reads the settings and returns the seed, removing the options both use.
     *
     * @throws IllegalArgumentException naming the option for a malformed or invalid value
     */
    public static int read(OptionSettings settings, String[] options) throws Exception {
        settings.setOptions(options);
        String seed = Utils.getOption('S', options);
        try {
            return seed.isEmpty() ? DEFAULT_SEED : Integer.parseInt(seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option -S: '" + seed + "' is not an integer", e);
        }
    }

    /** The settings as options, the seed, then the inherited options. */
    public static String[] write(OptionSettings settings, int seed, String[] inherited) {
        Vector<String> result = new Vector<>(settings.getOptions());
        result.add("-S");
        result.add(Integer.toString(seed));
        Collections.addAll(result, inherited);
        return result.toArray(new String[0]);
    }
}
