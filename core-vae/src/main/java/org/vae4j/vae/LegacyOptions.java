package org.vae4j.vae;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads option maps written before the option registry, as model files of that time store them: the objective
 * was an enum name ({@code ANALYTIC_ELBO}, {@code MONTE_CARLO_ELBO}, {@code IMPORTANCE_WEIGHTED}) and the
 * importance-weighted bound's sample count a separate {@code trainingSamples} option. Both become today's
 * objective spec, so those files load with the same training settings.
 */
final class LegacyOptions {

    private static final String OBJECTIVE = "objective";
    private static final String TRAINING_SAMPLES = "trainingSamples";

    private LegacyOptions() {}

    /** {@code map} with its pre-registry objective options rewritten as an objective spec. */
    static Map<String, String> upgrade(Map<String, String> map) {
        if (!map.containsKey(TRAINING_SAMPLES) && !isLegacyObjective(map.get(OBJECTIVE))) {
            return map;
        }
        Map<String, String> upgraded = new LinkedHashMap<>(map);
        String samples = upgraded.remove(TRAINING_SAMPLES);
        String objective = upgraded.get(OBJECTIVE);
        if (objective != null) {
            upgraded.put(OBJECTIVE, switch (objective.trim()) {
                case "ANALYTIC_ELBO" -> "elbo";
                case "MONTE_CARLO_ELBO" -> "mc-elbo";
                case "IMPORTANCE_WEIGHTED" -> samples == null ? "iwae" : "iwae:k=" + samples.trim();
                default -> objective;
            });
        }
        return upgraded;
    }

    private static boolean isLegacyObjective(String objective) {
        return objective != null && objective.trim().matches("[A-Z_]+");
    }
}
