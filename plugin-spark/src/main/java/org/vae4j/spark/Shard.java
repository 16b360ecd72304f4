package org.vae4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;
import org.vae4j.vae.ShardTrainer;

/**
 * One partition's training rows in the form training reads them every round: stored values row-major, NaN
 * in missing cells, and each row's condition level. Spark caches one per partition (recomputed from the
 * data if evicted), so a round neither converts DataFrame rows nor encodes them again.
 */
final class Shard implements Serializable {

    private static final long serialVersionUID = 1L;
    /** DataFrame rows converted at a time while a shard is built. */
    private static final int CONVERT_ROWS = 4096;

    private final int width;
    private final float[] values;
    private final int[] conditions;
    private final boolean missing;
    /** The rows encoded for training, kept while Spark keeps this shard cached (one training per shard). */
    private transient ShardTrainer.PreparedShard prepared;

    private Shard(int width, float[] values, int[] conditions, boolean missing) {
        this.width = width;
        this.values = values;
        this.conditions = conditions;
        this.missing = missing;
    }

    /** The shard of a partition's rows (null when it has none). */
    static Shard of(Iterator<Row> rows, RowCodec codec, StructType data, int partition) {
        Schema schema = codec.schema();
        int width = schema.width();
        float[] values = new float[0];
        int[] conditions = schema.isConditional() ? new int[0] : null;
        boolean missing = false;
        int count = 0;
        while (rows.hasNext()) {
            List<Row> chunk = new ArrayList<>(CONVERT_ROWS);
            while (chunk.size() < CONVERT_ROWS && rows.hasNext()) {
                chunk.add(rows.next());
            }
            Table table = codec.toTable(chunk, data, partition, count);
            values = Arrays.copyOf(values, Table.cells(count + table.rows(), width));
            for (int r = 0; r < table.rows(); r++) {
                for (int c = 0; c < width; c++) {
                    boolean absent = table.isMissing(r, c);
                    missing |= absent;
                    values[(count + r) * width + c] = absent ? Float.NaN : table.value(r, c);
                }
            }
            if (conditions != null) {
                conditions = Arrays.copyOf(conditions, count + table.rows());
                for (int r = 0; r < table.rows(); r++) {
                    conditions[count + r] = table.condition(r);
                }
            }
            count += table.rows();
        }
        return count == 0 ? null : new Shard(width, values, conditions, missing);
    }

    /** Number of rows. */
    int rows() {
        return values.length / width;
    }

    /** The rows encoded by {@code trainer}, on first use only: later rounds on this executor reuse them. */
    synchronized ShardTrainer.PreparedShard prepared(ShardTrainer trainer, Schema schema) {
        if (prepared == null) {
            prepared = trainer.prepare(table(schema));
        }
        return prepared;
    }

    /** The rows as a table of {@code schema} (the codec's). */
    Table table(Schema schema) {
        if (!missing) {
            return Table.ofNumeric(schema, values, conditions);
        }
        Table.Builder builder = Table.builder(schema, rows());
        double[] row = new double[width];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < width; c++) {
                row[c] = values[r * width + c];
            }
            builder.addRow(row, conditions == null ? -1 : conditions[r]);
        }
        return builder.build();
    }
}
