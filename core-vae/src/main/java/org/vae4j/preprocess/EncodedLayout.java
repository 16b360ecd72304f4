package org.vae4j.preprocess;

import java.util.ArrayList;
import java.util.List;

import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;

/**
 * Where each column lives in the encoded vector the networks see. Columns are grouped by likelihood so
 * that the likelihood of a whole batch is a few slices of work, not one operation per column: first every
 * Gaussian column, then every Bernoulli column, then every continuous Bernoulli column, then one one-hot
 * block per categorical column and per numeric column encoded in several modes (its mode, see
 * {@link NumericColumnModel}), in column order.
 */
public final class EncodedLayout {

    /** The likelihood family of a column. */
    public enum Kind {
        /** Gaussian with learned variance (standardised numeric). */
        GAUSSIAN,
        /** Bernoulli with logits (binary, or numeric in [0, 1]). */
        BERNOULLI,
        /** Continuous Bernoulli with logits (numeric in [0, 1], modelled by a density). */
        CONTINUOUS_BERNOULLI,
        /** Categorical with logits over a one-hot block. */
        CATEGORICAL
    }

    /**
     * One column's place in the encoded vector.
     *
     * @param kind its likelihood family
     * @param offset first encoded position
     * @param width number of encoded positions (1, or the number of levels)
     */
    public record Slot(Kind kind, int offset, int width) {}

    private final Slot[] slots;
    private final Slot[] modeSlots;
    private final int gaussianWidth;
    private final int bernoulliWidth;
    private final int continuousBernoulliWidth;
    private final List<int[]> categoricalBlocks;
    private final int width;

    /** Lays out the schema's feature columns for the given numeric likelihood, each numeric column in one mode. */
    public EncodedLayout(Schema schema, NumericLikelihood numericLikelihood) {
        this(schema, numericLikelihood, new int[schema.width()]);
    }

    /**
     * Lays out the schema's feature columns for the given numeric likelihood.
     *
     * @param modeCounts for each column, the number of modes it is encoded in: a column of more than one gets a
     *     one-hot mode block of that width beside its value
     */
    public EncodedLayout(Schema schema, NumericLikelihood numericLikelihood, int[] modeCounts) {
        int n = schema.width();
        if (modeCounts.length != n) {
            throw new IllegalArgumentException("one mode count per column is needed");
        }
        slots = new Slot[n];
        modeSlots = new Slot[n];
        Kind[] kinds = new Kind[n];
        for (int i = 0; i < n; i++) {
            Column c = schema.column(i);
            kinds[i] = switch (c.type()) {
                case NUMERIC -> switch (numericLikelihood) {
                    case GAUSSIAN -> Kind.GAUSSIAN;
                    case BERNOULLI -> Kind.BERNOULLI;
                    case CONTINUOUS_BERNOULLI -> Kind.CONTINUOUS_BERNOULLI;
                };
                case BINARY -> Kind.BERNOULLI;
                case CATEGORICAL -> Kind.CATEGORICAL;
            };
        }
        int offset = 0;
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < n; i++) {
                if (kinds[i] == kind) {
                    int w = kind == Kind.CATEGORICAL ? schema.column(i).cardinality() : 1;
                    slots[i] = new Slot(kind, offset, w);
                    offset += w;
                }
                if (kind == Kind.CATEGORICAL && modeCounts[i] > 1) {
                    modeSlots[i] = new Slot(Kind.CATEGORICAL, offset, modeCounts[i]);
                    offset += modeCounts[i];
                }
            }
        }
        width = offset;
        int g = 0;
        int b = 0;
        int cb = 0;
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (slots[i].kind()) {
                case GAUSSIAN -> g++;
                case BERNOULLI -> b++;
                case CONTINUOUS_BERNOULLI -> cb++;
                case CATEGORICAL -> blocks.add(new int[] {slots[i].offset(), slots[i].width()});
            }
            if (modeSlots[i] != null) {
                blocks.add(new int[] {modeSlots[i].offset(), modeSlots[i].width()});
            }
        }
        blocks.sort((x, y) -> Integer.compare(x[0], y[0]));
        gaussianWidth = g;
        bernoulliWidth = b;
        continuousBernoulliWidth = cb;
        categoricalBlocks = List.copyOf(blocks);
        if (schema.features().stream().anyMatch(c -> c.type() == ColumnType.CATEGORICAL) && blocks.isEmpty()) {
            throw new IllegalStateException("layout lost a categorical column");
        }
    }

    /** The slot of feature column {@code column}. */
    public Slot slot(int column) {
        return slots[column];
    }

    /** The one-hot mode block of feature column {@code column}, or null when it is encoded in one mode. */
    public Slot modeSlot(int column) {
        return modeSlots[column];
    }

    /** Number of feature columns. */
    public int columns() {
        return slots.length;
    }

    /** Total encoded width. */
    public int width() {
        return width;
    }

    /** Number of Gaussian positions, which come first. */
    public int gaussianWidth() {
        return gaussianWidth;
    }

    /** Number of Bernoulli positions, which follow the Gaussian ones. */
    public int bernoulliWidth() {
        return bernoulliWidth;
    }

    /** Number of continuous Bernoulli positions, which follow the Bernoulli ones. */
    public int continuousBernoulliWidth() {
        return continuousBernoulliWidth;
    }

    /** The categorical one-hot blocks as {offset, width} pairs, in encoded order. */
    public List<int[]> categoricalBlocks() {
        return categoricalBlocks;
    }
}
