package org.vae4j.io;

import java.util.List;
import java.util.Map;

import org.vae4j.data.Schema;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.TrainingHistory;

/**
 * Everything a model file holds, as plain values: the configuration, the schema, the fitted
 * preprocessing, how it was trained, and the networks' parameters as named float32 tensors.
 *
 * @param config the configuration as a key/value map
 * @param schema the modelled columns and condition
 * @param numericLikelihood how numeric columns are modelled
 * @param means per-column means of the preprocessing
 * @param scales per-column scales of the preprocessing
 * @param maskInputs whether the guide takes the missing-value mask as input
 * @param conditionFrequencies training frequency of each condition level (empty if unconditional)
 * @param history the training history
 * @param parameters the parameters of the guide network, the decoder and the noise parameter, in that order
 */
public record ModelContents(Map<String, String> config, Schema schema, NumericLikelihood numericLikelihood,
        double[] means, double[] scales, boolean maskInputs, double[] conditionFrequencies,
        TrainingHistory history, List<NamedTensor> parameters) {

    /** Copies the parameter list. */
    public ModelContents {
        parameters = List.copyOf(parameters);
    }
}
