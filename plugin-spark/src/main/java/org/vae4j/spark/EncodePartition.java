package org.vae4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.vae4j.data.Table;
import org.vae4j.vae.Posterior;
import org.vae4j.vae.RowSeeds;
import org.vae4j.vae.Vae;

/**
 * The executor side of {@link VaeSparkModel#transform}: a partition's rows, a batch at a time, through the
 * JVM's cached model ({@link ExecutorModels}), each row coming back with the requested columns appended.
 * The model is looked up lazily, after this function has been deserialised on the executor; rows stream
 * through, so a partition is never held whole.
 */
final class EncodePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> model;
    private final RowCodec codec;
    private final StructType input;
    private final Outputs outputs;
    private final int batchRows;
    private transient Vae vae;

    /**
     * Which columns to append.
     *
     * @param std whether to append standard deviations
     * @param reconstruction whether to append reconstructions
     * @param anomalySamples importance samples for the anomaly score, 0 for no score
     * @param seed the seed of the anomaly scores' per-row draws
     */
    record Outputs(boolean std, boolean reconstruction, int anomalySamples, long seed) implements java.io.Serializable {}

    EncodePartition(Broadcast<byte[]> model, RowCodec codec, StructType input, Outputs outputs, int batchRows) {
        this.model = model;
        this.codec = codec;
        this.input = input;
        this.outputs = outputs;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
        return new Iterator<>() {
            private Iterator<Row> batch = List.<Row>of().iterator();
            private long done;

            @Override
            public boolean hasNext() {
                while (!batch.hasNext() && rows.hasNext()) {
                    List<Row> next = new ArrayList<>(batchRows);
                    while (next.size() < batchRows && rows.hasNext()) {
                        next.add(rows.next());
                    }
                    batch = transform(next, partition, done).iterator();
                    done += next.size();
                }
                return batch.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
    }

    private List<Row> transform(List<Row> rows, int partition, long firstRow) {
        if (vae == null) {
            vae = ExecutorModels.of(model);
        }
        Table table = codec.toTable(rows, input, partition, firstRow);
        Posterior posterior = outputs.std() ? vae.encode(table) : null;
        double[][] means = posterior != null ? posterior.mean() : vae.encodeMeans(table);
        Table reconstructed = outputs.reconstruction() ? vae.reconstruct(table) : null;
        double[] scores = outputs.anomalySamples() > 0
                ? vae.anomalyScore(table, outputs.anomalySamples(), RowSeeds.of(outputs.seed(), table))
                : null;
        List<Row> out = new ArrayList<>(rows.size());
        int extra = 1 + (posterior != null ? 1 : 0) + (reconstructed != null ? 1 : 0) + (scores != null ? 1 : 0);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Object[] values = new Object[row.size() + extra];
            for (int i = 0; i < row.size(); i++) {
                values[i] = row.get(i);
            }
            int at = row.size();
            values[at++] = Vectors.dense(means[r]);
            if (posterior != null) {
                values[at++] = Vectors.dense(posterior.std()[r]);
            }
            if (reconstructed != null) {
                values[at++] = Vectors.dense(reconstructed.row(r));
            }
            if (scores != null) {
                values[at] = scores[r];
            }
            out.add(RowFactory.create(values));
        }
        return out;
    }
}
