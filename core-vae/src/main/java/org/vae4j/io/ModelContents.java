package org.vae4j.io;

import java.util.List;
import java.util.Map;

import org.vae4j.data.Schema;
import org.vae4j.preprocess.ColumnModel;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.vae.TrainingHistory;

/**
 * Everything a model file holds, as plain values: the configuration, the components it is built from, the
 * schema, the fitted preprocessing, how it was trained, and the networks' parameters as named float32
 * tensors, split into those inference needs and those only resumed training needs (auxiliary networks,
 * optimizer state).
 *
 * @param config the configuration as a key/value map
 * @param components the manifest of components (empty for files older than the manifest)
 * @param schema the modelled columns and condition
 * @param numericLikelihood how numeric columns are modelled
 * @param means per-column means of the preprocessing
 * @param scales per-column scales of the preprocessing
 * @param columnModels each column's model for decoding (empty for files older than column models: their columns
 *     are plainly standardised with {@code means} and {@code scales}, without constraints)
 * @param maskInputs whether the guide takes the missing-value mask as input
 * @param conditionFrequencies training frequency of each condition level (empty if unconditional)
 * @param history the training history
 * @param parameters the tensors inference needs: the guide's, the prior's, the decoder's and the noise
 *     parameter
 * @param trainingTensors tensors only training needs, kept for checkpoints (empty in a model saved for use)
 */
public record ModelContents(Map<String, String> config, List<ComponentEntry> components, Schema schema,
        NumericLikelihood numericLikelihood, double[] means, double[] scales, List<ColumnModel> columnModels,
        boolean maskInputs,
        double[] conditionFrequencies, TrainingHistory history, List<NamedTensor> parameters,
        List<NamedTensor> trainingTensors) {

    /** Copies the lists. */
    public ModelContents {
        components = List.copyOf(components);
        columnModels = List.copyOf(columnModels);
        parameters = List.copyOf(parameters);
        trainingTensors = List.copyOf(trainingTensors);
    }
}
