package org.vae4j.spark;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The column Params that {@link VaeEstimator} and {@link VaeSparkModel} share (declared once here, for either
 * owner): where the input comes from (several numeric, boolean or string columns, or one vector column),
 * the condition column, and which output columns {@code transform} appends. An empty column name means
 * "none".
 */
final class ColumnParams {

    final StringArrayParam inputCols;
    final Param<String> featuresCol;
    final Param<String> conditionCol;
    final Param<String> outputCol;
    final Param<String> stdCol;
    final Param<String> reconstructionCol;
    final Param<String> anomalyScoreCol;
    final IntParam anomalySamples;
    final IntParam batchRows;
    private final Params owner;

    ColumnParams(Params owner) {
        this.owner = owner;
        inputCols = new StringArrayParam(owner, "inputCols", "the input columns: numeric, boolean or string (string "
                + "columns become categorical); empty with featuresCol set, or (for a model) the model's own columns");
        featuresCol = new Param<>(owner, "featuresCol", "one vector column holding all inputs instead of inputCols "
                + "(empty: none)");
        conditionCol = new Param<>(owner, "conditionCol", "the condition column of a conditional VAE, string or "
                + "integer (empty: unconditional, or for a model its own condition column)");
        outputCol = new Param<>(owner, "outputCol", "the vector column of latent means that transform appends");
        stdCol = new Param<>(owner, "stdCol", "the vector column of latent standard deviations (empty: none)");
        reconstructionCol = new Param<>(owner, "reconstructionCol", "the vector column of each row passed through "
                + "the model, in the input's units (categorical columns as level indices; empty: none)");
        anomalyScoreCol = new Param<>(owner, "anomalyScoreCol", "the column of anomaly scores, the negative "
                + "importance-sampled log-likelihood of each row (empty: none)");
        anomalySamples = new IntParam(owner, "anomalySamples", "importance samples per row for anomaly scores",
                ParamValidators.gtEq(1));
        batchRows = new IntParam(owner, "batchRows", "rows per forward pass on the executors", ParamValidators.gtEq(1));
        owner.setDefault(inputCols, new String[0]);
        owner.setDefault(featuresCol, "");
        owner.setDefault(conditionCol, "");
        owner.setDefault(outputCol, "latent");
        owner.setDefault(stdCol, "");
        owner.setDefault(reconstructionCol, "");
        owner.setDefault(anomalyScoreCol, "");
        owner.setDefault(anomalySamples, 10);
        owner.setDefault(batchRows, 1024);
    }

    /** The input columns as set (empty when a vector column is used instead). */
    List<String> inputColumns() {
        return List.of(owner.getOrDefault(inputCols));
    }

    /** The value of a string Param. */
    String get(Param<String> param) {
        return owner.getOrDefault(param);
    }

    /**
     * {@code data}'s schema with the output columns appended: the latent means, and the standard deviations,
     * reconstructions and anomaly scores where their columns are named.
     *
     * @throws IllegalArgumentException if the latent means' column is unnamed or an output column already exists
     */
    StructType appendOutputs(StructType data) {
        if (get(outputCol).isEmpty()) {
            throw new IllegalArgumentException("outputCol must name the column of latent means");
        }
        StructType out = data;
        out = append(out, outputCol, true);
        out = append(out, stdCol, true);
        out = append(out, reconstructionCol, true);
        return append(out, anomalyScoreCol, false);
    }

    private StructType append(StructType data, Param<String> param, boolean vector) {
        String name = get(param);
        if (name.isEmpty()) {
            return data;
        }
        if (Arrays.asList(data.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(param.name() + ": column '" + name + "' already exists in the data");
        }
        return data.add(name, vector ? SQLDataTypes.VectorType() : DataTypes.DoubleType, false);
    }

    List<Param<?>> all() {
        return List.of(inputCols, featuresCol, conditionCol, outputCol, stdCol, reconstructionCol, anomalyScoreCol,
                anomalySamples, batchRows);
    }
}
