package org.vae4j.examples.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One configuration of {@link DisentanglementBench}: a vae4j objective spec, passed to the configuration as
 * it is, and the KL weight beta. Written {@code SPEC [beta=B]}, such as {@code elbo beta=4} or
 * {@code tcvae:beta=6} (an objective's own options go in its spec); runs are separated by semicolons.
 *
 * @param objective the objective spec ({@code id[:key=value,...]})
 * @param beta vae4j's KL weight ({@code beta} option, 1 when not given)
 */
public record DisentanglementRun(String objective, double beta) {

    /**
     * Parses {@code SPEC [beta=B]; SPEC [beta=B]; ...}.
     *
     * @throws IllegalArgumentException naming {@code option} and the run (counted from 1) that is malformed
     */
    public static List<DisentanglementRun> parseAll(String option, String text) {
        List<DisentanglementRun> runs = new ArrayList<>();
        String[] parts = text.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            String[] words = parts[i].trim().split("\\s+");
            String where = "option " + option + ", run " + (i + 1) + " ('" + parts[i].trim() + "'): ";
            if (words[0].isEmpty() || words.length > 2) {
                throw new IllegalArgumentException(where + "expected an objective spec, optionally followed by "
                        + "beta=B, such as 'elbo beta=4'");
            }
            runs.add(new DisentanglementRun(words[0], words.length == 2 ? beta(where, words[1]) : 1));
        }
        return runs;
    }

    private static double beta(String where, String word) {
        if (word.startsWith("beta=")) {
            try {
                double beta = Double.parseDouble(word.substring("beta=".length()));
                if (beta >= 0 && Double.isFinite(beta)) {
                    return beta;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(where + "'" + word + "' is not beta=B with a number B >= 0");
    }

    /** {@code objective=SPEC beta=B}, as the result line shows it. */
    public String describe() {
        return "objective=" + objective + " beta=" + beta;
    }
}
