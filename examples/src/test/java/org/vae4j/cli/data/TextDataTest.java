package org.vae4j.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vae4j.data.Column;
import org.vae4j.data.ColumnType;
import org.vae4j.data.Schema;
import org.vae4j.data.Table;

/** CSV and ARFF reading and column typing, without the engine. */
class TextDataTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, List.of(lines));
        return file;
    }

    private static ColumnTyping infer() {
        return ColumnTyping.forTraining(Map.of(), Set.of(), null);
    }

    @Test
    void splitsQuotedFields() throws IOException {
        CsvParser parser = new CsvParser(new java.io.StringReader("a, \"b, c\" ,\"say \"\"hi\"\"\",\n\n x \r\ny"), null);
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), parser.next());
        assertEquals(List.of("x"), parser.next());
        assertEquals(3, parser.recordLine(), "the blank line 2 is skipped");
        assertEquals(List.of("y"), parser.next());
        assertEquals(4, parser.recordLine(), "CRLF ends a line");
        assertEquals(null, parser.next());
    }

    @Test
    void infersTypesAndLevels() throws IOException {
        Path csv = write("t.csv", "size,colour,flag,yes_no,code", "1.5,red,0,yes,10", "", "2,blue,1,no,2", "?,red,,yes,1");
        Dataset data = DataLoader.load(csv, null, infer());
        assertEquals(List.of(Column.numeric("size"), Column.binary("colour", "blue", "red"),
                Column.binary("flag"), Column.binary("yes_no", "no", "yes"), Column.numeric("code")), data.columns());
        Table t = data.table(Schema.of(data.columns()));
        assertEquals(3, t.rows());
        assertTrue(t.isMissing(2, 0) && t.isMissing(2, 2));
        assertEquals(1f, t.value(0, 1), "red is level 1");
        assertEquals(1f, t.value(0, 3), "yes is level 1");
    }

    @Test
    void overridesAndClassColumnsAreCategoricalInNumericOrder() throws IOException {
        Path csv = write("t.csv", "code,label", "10,3", "2,1", "1,3");
        Dataset data = DataLoader.load(csv, null,
                ColumnTyping.forTraining(Map.of("code", ColumnType.CATEGORICAL), Set.of(), "label"));
        assertEquals(List.of("1", "2", "10"), data.column("code").levels());
        assertEquals(List.of("1", "3"), data.column("label").levels());
        assertEquals(List.of(1, 0, 1), java.util.Arrays.stream(data.levels("label")).boxed().toList());
    }

    @Test
    void ignoredColumnsAreDropped() throws IOException {
        Path csv = write("t.csv", "id,x", "a1,1", "a2,2");
        Dataset data = DataLoader.load(csv, null, ColumnTyping.forTraining(Map.of(), Set.of("id"), null));
        assertEquals(List.of(Column.numeric("x")), data.columns());
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        Path quote = write("q.csv", "a,b", "1,2", "3,\"4");
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(quote, null, infer()));
        assertEquals(quote + ", line 3, column 2: unterminated quoted field", e.getMessage());
        Path single = write("s.csv", "a,b", "1,x", "2,x");
        e = assertThrows(DataException.class, () -> DataLoader.load(single, null, infer()));
        assertTrue(e.getMessage().contains("column 'b': a categorical column needs at least 2 distinct values"),
                e.getMessage());
        Path header = write("h.csv", "a,a", "1,2");
        e = assertThrows(DataException.class, () -> DataLoader.load(header, null, infer()));
        assertTrue(e.getMessage().contains("line 1, column 2: column name 'a' appears twice"), e.getMessage());
        Path unknown = write("data.txt", "a", "1");
        e = assertThrows(DataException.class, () -> DataLoader.load(unknown, null, infer()));
        assertTrue(e.getMessage().contains("--format"), e.getMessage());
    }

    @Test
    void modelTypingKeepsTheModelsLevels() throws IOException {
        Schema model = Schema.of(List.of(Column.numeric("x"), Column.categorical("c", List.of("p", "q", "r"))));
        Path csv = write("t.csv", "extra,c,x", "9,r,1.0", "8,p,2.0");
        Dataset data = DataLoader.load(csv, null, ColumnTyping.forModel(model, null));
        Table t = data.table(model);
        assertEquals(2f, t.value(0, 1), "r keeps the model's index 2 though the file has only two levels");
        assertEquals(2f, t.value(1, 0));
    }

    @Test
    void readsArffWithDeclaredTypes() throws IOException {
        Path arff = write("t.arff", "@relation t", "@attribute x numeric", "@attribute c {lo,mid,hi}",
                "@attribute s string", "@data", "1.5,hi,'one'", "?,lo,'two'");
        Dataset data = DataLoader.load(arff, null, infer());
        assertEquals(Column.categorical("c", List.of("lo", "mid", "hi")), data.column("c"));
        assertEquals(Column.binary("s", "one", "two"), data.column("s"));
        Table t = data.table(Schema.of(data.columns()));
        assertTrue(t.isMissing(1, 0));
        assertEquals(2f, t.value(0, 1));
    }

    @Test
    void malformedArffNamesTheFile() throws IOException {
        Path arff = write("bad.arff", "@relation t", "@attribute c {a,b}", "@data", "a", "z");
        DataException e = assertThrows(DataException.class, () -> DataLoader.load(arff, null, infer()));
        assertTrue(e.getMessage().startsWith(arff.toString()) && e.getMessage().contains("line"), e.getMessage());
    }

    private DataException loadFails(Path file, ColumnTyping typing) {
        return assertThrows(DataException.class, () -> DataLoader.load(file, null, typing));
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
    }

    @Test
    void quotedFieldsMaySpanLines() throws IOException {
        Path csv = write("q.csv", "a,b", "1,\"two", "lines\"", "3,x", "4,\"y\"", "oops");
        DataException e = loadFails(csv, infer());
        assertContains(e.getMessage(), csv + ", line 6, column 2 ('b'): expected 2 fields, got 1");
        Files.write(csv, List.of("a,b", "1,\"two", "lines\"", "3,x"));
        Dataset data = DataLoader.load(csv, null, infer());
        assertEquals(List.of("two\nlines", "x"), data.column("b").levels());
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, ("\uFEFFa,b\n1,2\n3,4\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b"), DataLoader.load(csv, null, infer()).columns().stream().map(Column::name).toList());
    }

    @Test
    void headerWithoutRowsSaysSo() throws IOException {
        assertContains(loadFails(write("h.csv", "a,b", ""), infer()).getMessage(), "h.csv: no data rows");
        Path arff = write("h.arff", "@relation t", "@attribute x numeric", "@data");
        assertContains(loadFails(arff, infer()).getMessage(), "h.arff: no data rows");
    }

    @Test
    void textThatIsNotUtf8NamesTheLineAndTheFix() throws IOException {
        Path csv = dir.resolve("latin.csv");
        byte[] start = "a,b\n1,x\n2,caf".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(start, start.length + 2);
        bytes[start.length] = (byte) 0xE9;
        bytes[start.length + 1] = '\n';
        Files.write(csv, bytes);
        assertContains(loadFails(csv, infer()).getMessage(), csv + ", line 3: not UTF-8 text", "iconv");
    }

    @Test
    void numbersBeyondFloatRangeNameLineAndColumn() throws IOException {
        Path csv = write("big.csv", "a,b", "1,2", "-1e308,3");
        assertContains(loadFails(csv, infer()).getMessage(), csv + ", line 3, column 1 ('a')", "-1e308",
                "float range");
    }

    @Test
    void columnWithTooManyLevelsSuggestsIgnoreOrNumeric() throws IOException {
        String[] lines = new String[ColumnTyping.MAX_LEVELS + 2];
        lines[0] = "id,x";
        for (int r = 1; r < lines.length; r++) {
            lines[r] = "u" + r + "," + r;
        }
        Path csv = write("ids.csv", lines);
        assertContains(loadFails(csv, infer()).getMessage(), "ids.csv, column 'id'",
                "more than " + ColumnTyping.MAX_LEVELS, "--ignore id", "--type id=numeric");
        assertEquals(List.of(Column.numeric("x")),
                DataLoader.load(csv, null, ColumnTyping.forTraining(Map.of(), Set.of("id"), null)).columns());
    }

    @Test
    void strayTextInANumberColumnIsMissingWithAWarning() throws IOException {
        String[] lines = new String[32];
        lines[0] = "x,y";
        for (int r = 1; r < lines.length; r++) {
            lines[r] = r + "," + (r == 6 ? "oops" : Double.toString(r / 2.0));
        }
        Dataset data = DataLoader.load(write("stray.csv", lines), null, infer());
        assertEquals(Column.numeric("y"), data.column("y"));
        assertTrue(data.table(Schema.of(data.columns())).isMissing(5, 1), "line 7 is data row 6");
        assertEquals(1, data.warnings().size(), data.warnings().toString());
        assertContains(data.warnings().get(0), "column 'y'", "1 of 31", "line 7", "'oops'", "missing",
                "--type y=categorical");
    }

    @Test
    void classAlsoIgnoredIsAConflict() throws IOException {
        DataException e = assertThrows(DataException.class, () -> ColumnTyping.forTraining(Map.of(), Set.of("c"), "c"));
        assertContains(e.getMessage(), "--class 'c'", "--ignore");
    }

    @Test
    void relationalArffAttributesAreRefused() throws IOException {
        Path arff = write("rel.arff", "@relation t", "@attribute x numeric", "@attribute bag relational",
                "  @attribute v numeric", "@end bag", "@data", "1,'1\\n2'");
        assertContains(loadFails(arff, infer()).getMessage(), "rel.arff", "attribute 'bag'", "relational");
    }

    @Test
    void manyColumnsLoadInLinearTime() throws IOException {
        int width = 30_000;
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < width; c++) {
            header.append(c == 0 ? "" : ",").append("c").append(c);
            row.append(c == 0 ? "" : ",").append(c % 7);
        }
        Path csv = write("wide.csv", header.toString(), row.toString(), row.toString());
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(4), () -> {
            Dataset data = DataLoader.load(csv, null, infer());
            assertEquals(width, data.table(Schema.of(data.columns())).width());
        });
    }

    @Test
    void gzippedCsvIsRead() throws IOException {
        Path csv = dir.resolve("t.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(csv))) {
            out.write("x,c\n1.5,a\n2.5,b\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset data = DataLoader.load(csv, null, infer());
        assertEquals(List.of(Column.numeric("x"), Column.binary("c", "a", "b")), data.columns());
    }
}
