package org.vae4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vae4j.preprocess.ColumnModel;
import org.vae4j.preprocess.NumericLikelihood;
import org.vae4j.preprocess.Preprocessor;
import org.vae4j.vae.ShardTrainer;
import org.vae4j.vae.VaeConfig;

/**
 * What every executor needs to take training steps, in serializable form: the configuration as its option
 * map, the columns, the fitted preprocessing's numbers, whether inputs carry a missing mask and the number of rows
 * of all partitions together. The
 * {@link ShardTrainer} is rebuilt from it once per deserialised copy.
 */
final class TrainerSpec implements Serializable {

    private static final long serialVersionUID = 2L;

    private final LinkedHashMap<String, String> config;
    private final RowCodec codec;
    private final NumericLikelihood likelihood;
    private final ArrayList<ColumnModel> columnModels;
    private final boolean maskInputs;
    private final long trainingRows;
    private transient ShardTrainer trainer;

    TrainerSpec(VaeConfig config, RowCodec codec, Preprocessor preprocessor, boolean maskInputs, long trainingRows) {
        this.config = new LinkedHashMap<>(config.toMap());
        this.codec = codec;
        this.likelihood = preprocessor.numericLikelihood();
        this.columnModels = new ArrayList<>(preprocessor.columnModels());
        this.maskInputs = maskInputs;
        this.trainingRows = trainingRows;
    }

    RowCodec codec() {
        return codec;
    }

    synchronized ShardTrainer trainer() {
        if (trainer == null) {
            Map<String, String> options = config;
            trainer = new ShardTrainer(VaeConfig.fromCompleteMap(options),
                    new Preprocessor(codec.schema(), likelihood, columnModels), maskInputs, trainingRows);
        }
        return trainer;
    }
}
