package org.vae4j.cli;

import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeOptions;

/**
 * Names core's configuration options by their command-line flags ({@code train} makes its flags from the
 * option registry, see {@link ConfigOptions}), so that core's errors about an option, whether raised while the
 * configuration is built or later, once the data's width is known, name what the user typed.
 */
final class CoreOptionFlags {

    private CoreOptionFlags() {}

    /** The exception's message, starting with the flag instead of core's "option NAME" when a flag sets it. */
    static String message(InvalidOptionException e) {
        String core = "option " + e.option();
        String message = e.getMessage();
        boolean known = VaeOptions.ALL.stream().anyMatch(o -> o.name().equals(e.option()));
        return known && message.startsWith(core)
                ? ConfigOptions.flag(VaeOptions.named(e.option())) + message.substring(core.length()) : message;
    }
}
