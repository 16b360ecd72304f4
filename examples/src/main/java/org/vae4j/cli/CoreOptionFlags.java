package org.vae4j.cli;

import java.util.Map;

import org.vae4j.vae.InvalidOptionException;

/**
 * The command-line flag behind each of core's configuration options ({@code train} builds its
 * {@link org.vae4j.vae.VaeConfig} from them), so that core's errors about an option, whether raised while the
 * configuration is built or later, once the data's width is known, name what the user typed.
 */
final class CoreOptionFlags {

    private static final Map<String, String> FLAGS = Map.ofEntries(Map.entry("latentDim", "--latent"),
            Map.entry("encoderHidden", "--hidden"), Map.entry("decoderHidden", "--hidden"),
            Map.entry("epochs", "--epochs"), Map.entry("batchSize", "--batch"), Map.entry("learningRate", "--lr"),
            Map.entry("beta", "--beta"), Map.entry("warmupEpochs", "--warmup"), Map.entry("seed", "--seed"),
            Map.entry("device", "--device"), Map.entry("numericLikelihood", "--likelihood"),
            Map.entry("validationFraction", "--validation"), Map.entry("patience", "--patience"));

    private CoreOptionFlags() {}

    /** The exception's message, starting with the flag instead of core's "option NAME" when a flag sets it. */
    static String message(InvalidOptionException e) {
        String flag = FLAGS.get(e.option());
        String core = "option " + e.option();
        String message = e.getMessage();
        return flag != null && message.startsWith(core) ? flag + message.substring(core.length()) : message;
    }
}
