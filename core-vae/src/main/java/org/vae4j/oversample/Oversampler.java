package org.vae4j.oversample;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import org.vae4j.data.Table;
import org.vae4j.options.OptionValues;
import org.vae4j.vae.Posterior;
import org.vae4j.vae.Vae;

/**
 * Tops up the small classes of a labelled table with synthetic rows of a conditional VAE trained on all its
 * rows, the class as condition. By default ({@link OversamplingMethod#INTERPOLATE}) a synthetic row lies between
 * a real row of the class and one of its k nearest neighbours of the same class in latent space (see
 * {@link Segments}): the row decoded from a point between their codes plus the same mix of their reconstruction
 * residuals (see {@link ResidualMix}). {@link OversamplingMethod#DECODE} takes the decoded row alone (each cell
 * its most likely value), {@link OversamplingMethod#PRIOR} decodes draws from the prior.
 *
 * <p>Draws from the prior fall wherever the decoder puts the class, which is where the other classes are when
 * it has learned little from the condition (a class of a few rows teaches it little); decoded rows alone regress
 * towards the mean of the data when the codes carry little of a row. Interpolation with residuals keeps the
 * synthetic rows where the class's real rows are in both cases.
 */
public final class Oversampler {

    private final OversamplingMethod method;
    private final int neighbours;

    /**
     * @param method where the synthetic rows come from
     * @param neighbours nearest neighbours of the same class to interpolate towards, at least 1
     * @throws IllegalArgumentException for fewer than 1 neighbour
     */
    public Oversampler(OversamplingMethod method, int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("option " + OversamplingOptions.NEIGHBOURS.name()
                    + " must be >= 1, got " + neighbours);
        }
        this.method = method;
        this.neighbours = neighbours;
    }

    /** The oversampler the values of {@link OversamplingOptions#ALL} describe. */
    public static Oversampler of(OptionValues values) {
        return new Oversampler(OversamplingMethod.valueOf(values.text(OversamplingOptions.METHOD.name())
                .toUpperCase(Locale.ROOT)), values.intValue(OversamplingOptions.NEIGHBOURS.name()));
    }

    /** How many rows of each condition level {@code labelled} has. */
    public static int[] classCounts(Table labelled) {
        int[] counts = new int[labelled.schema().conditionCardinality()];
        for (int r = 0; r < labelled.rows(); r++) {
            counts[labelled.condition(r)]++;
        }
        return counts;
    }

    /**
     * The synthetic rows that bring every class of {@code labelled} with fewer than {@code target} rows (but at
     * least one) up to {@code target}, class by class in level order, each row's condition its class.
     *
     * @param vae a conditional VAE trained on {@code labelled}'s rows
     * @param seed the same seed gives the same rows
     * @throws IllegalArgumentException if the VAE is not conditional or its schema is not the table's
     */
    public Table synthesize(Vae vae, Table labelled, int target, long seed) {
        if (!vae.isConditional() || !vae.schema().equals(labelled.schema())) {
            throw new IllegalArgumentException("oversampling needs a conditional VAE trained on the table's columns, "
                    + "with the class as condition");
        }
        int[] counts = classCounts(labelled);
        Posterior codes = null;
        ResidualMix mix = null;
        Table.Builder synthetic = Table.builder(labelled.schema());
        for (int level = 0; level < counts.length; level++) {
            int missing = target - counts[level];
            if (counts[level] == 0 || missing <= 0) {
                continue;
            }
            long classSeed = seed + 31L * level;
            Table rows;
            if (method == OversamplingMethod.PRIOR) {
                rows = vae.generate(missing, level, classSeed);
            } else {
                if (codes == null) {
                    codes = vae.encode(labelled);
                    mix = new ResidualMix(labelled, vae.decode(codes.mean(), conditions(labelled)),
                            vae.preprocessor().columnModels());
                }
                Segments segments = Segments.among(codes, rowsOf(labelled, level), neighbours, missing,
                        new Random(classSeed));
                int[] condition = new int[missing];
                Arrays.fill(condition, level);
                Table decoded = vae.decode(segments.codes(), condition);
                rows = method == OversamplingMethod.DECODE ? decoded : mix.rows(segments, decoded, level);
            }
            for (int r = 0; r < rows.rows(); r++) {
                synthetic.addRow(rows.row(r), level);
            }
        }
        return synthetic.build();
    }

    private static int[] conditions(Table labelled) {
        return IntStream.range(0, labelled.rows()).map(labelled::condition).toArray();
    }

    private static int[] rowsOf(Table labelled, int level) {
        return IntStream.range(0, labelled.rows()).filter(r -> labelled.condition(r) == level).toArray();
    }
}
