package org.vae4j.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vae4j.data.Column;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/**
 * Latent traversals decode the code they were given with exactly one dimension moved per traversal row, and
 * refuse rows, codes and grids that do not exist.
 */
class LatentTraversalTest {

    private static final int M = 3;
    private static Table table;
    private static Vae linear;
    private static Vae conditional;

    @BeforeAll
    static void train() {
        Random random = new Random(3);
        Schema schema = Schema.numeric("x", 4).withCondition(Column.categorical("class", List.of("a", "b")));
        Table.Builder builder = Table.builder(schema, 200);
        for (int i = 0; i < 200; i++) {
            int k = i % 2;
            builder.addRow(new double[] {k + random.nextGaussian(), 2 * random.nextGaussian(), -k,
                    random.nextGaussian() - 3}, k);
        }
        table = builder.build();
        Table.Builder plain = Table.builder(Schema.numeric("x", 4), 200);
        for (int i = 0; i < 200; i++) {
            plain.addRow(table.row(i));
        }
        // Unbounded, unrounded columns: decoding stays linear in the code.
        linear = new VaeTrainer(LinearGaussianTest.linearConfig().latentDim(M).epochs(2).columnTypes("*:unbounded")
                .build()).fit(plain.build());
        conditional = new VaeTrainer(VaeConfig.builder().latentDim(M).hidden(List.of(8)).epochs(2).seed(2).build())
                .fit(table);
    }

    @AfterAll
    static void close() {
        linear.close();
        conditional.close();
    }

    /**
     * With a linear decoder, decode(c + (v - c_d) e_d) = decode(c) + (v - c_d) (decode(e_d) - decode(0)): each
     * traversal row must be that, which holds only if dimension d alone moved, to the step's value.
     */
    @Test
    void eachTraversalMovesOnlyItsDimensionToTheStepValues() {
        double[] code = {0.4, -1.2, 2.0};
        LatentTraversal traversal = linear.traverse(code, new TraversalGrid(-2, 3, 6));
        double[][] basis = new double[M + 1][M];
        for (int d = 0; d < M; d++) {
            basis[d + 1][d] = 1;
        }
        Table units = linear.decode(basis, null);
        Table atCode = linear.decode(new double[][] {code}, null);
        double[] values = traversal.grid().values();
        assertEquals(6, values.length);
        for (int d = 0; d < M; d++) {
            Table rows = traversal.rows(d);
            assertEquals(6, rows.rows());
            for (int s = 0; s < values.length; s++) {
                for (int c = 0; c < 4; c++) {
                    double slope = units.value(d + 1, c) - units.value(0, c);
                    double expected = atCode.value(0, c) + (values[s] - code[d]) * slope;
                    assertEquals(expected, rows.value(s, c), 1e-3 * (1 + Math.abs(expected)),
                            "dimension " + d + ", step " + s + ", column " + c);
                }
            }
        }
        assertEquals(M * 6, traversal.allRows().rows());
    }

    @Test
    void theCodesFedToTheDecoderDifferFromTheCodeOnlyInTheSweptDimension() {
        double[] code = {0.4, -1.2, 2.0};
        LatentTraversal traversal = linear.traverse(code, TraversalGrid.DEFAULT);
        for (int d = 0; d < M; d++) {
            double[][] codes = traversal.codes(d);
            for (int s = 0; s < codes.length; s++) {
                for (int j = 0; j < M; j++) {
                    assertEquals(j == d ? -3 + 0.75 * s : code[j], codes[s][j], 1e-12, "dim " + d + " step " + s);
                }
            }
            assertArrayEquals(linear.decode(codes, null).row(4), traversal.rows(d).row(4), 1e-6);
        }
    }

    /** A grid whose middle step is the row's own value of the dimension decodes back to decode(code). */
    @Test
    void holdingTheSweptDimensionAtTheCodeReproducesTheDecodedCode() {
        int row = 7;
        double[] code = conditional.encodeMeans(table.select(new int[] {row}))[0];
        Table decoded = conditional.decode(new double[][] {code}, new int[] {table.condition(row)});
        for (int d = 0; d < M; d++) {
            LatentTraversal traversal = conditional.traverse(table, row,
                    new TraversalGrid(code[d] - 1, code[d] + 1, 3));
            assertArrayEquals(code, traversal.code(), 0.0);
            assertEquals(table.condition(row), traversal.condition().getAsInt());
            Table rows = traversal.rows(d);
            assertArrayEquals(decoded.row(0), rows.row(1), 1e-5, "dimension " + d);
            for (int s = 0; s < 3; s++) {
                assertEquals(table.condition(row), rows.condition(s));
            }
            assertTrue(Math.abs(rows.value(0, 0) - rows.value(2, 0)) > 0 || Math.abs(rows.value(0, 1)
                    - rows.value(2, 1)) > 0 || d > 0, "the sweep changes the decoded row");
        }
    }

    @Test
    void refusesRowsCodesConditionsAndGridsThatDoNotExist() {
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> conditional.traverse(table, 200, TraversalGrid.DEFAULT));
        assertTrue(past.getMessage().contains("row 201") && past.getMessage().contains("200 rows"),
                past.getMessage());
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> conditional.traverse(table, -1, TraversalGrid.DEFAULT));
        assertTrue(before.getMessage().contains("row 0"), before.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> linear.traverse(new double[2],
                TraversalGrid.DEFAULT)).getMessage().contains("3 latent dimensions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> linear.traverse(new double[] {0, Double.NaN, 0},
                TraversalGrid.DEFAULT)).getMessage().contains("dimension 2"));
        assertThrows(IllegalArgumentException.class, () -> conditional.traverse(new double[M], TraversalGrid.DEFAULT));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> conditional.traverse(new double[M], 2,
                TraversalGrid.DEFAULT)).getMessage().contains("condition level 2"));
        assertThrows(IllegalArgumentException.class, () -> linear.traverse(new double[M], 0, TraversalGrid.DEFAULT));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TraversalGrid(-3, 3, 1))
                .getMessage().contains("at least 2 steps"));
        assertThrows(IllegalArgumentException.class, () -> new TraversalGrid(Double.NEGATIVE_INFINITY, 3, 9));
        assertThrows(IllegalArgumentException.class, () -> new TraversalGrid(3, -3, 9));
        assertThrows(IllegalArgumentException.class, () -> new TraversalGrid(0, Double.NaN, 9));
        assertThrows(IllegalArgumentException.class, () -> linear.traverse(new double[M], TraversalGrid.DEFAULT)
                .rows(M));
    }
}
