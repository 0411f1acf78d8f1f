package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.data.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class TargetColumnTest {

    @Test
    void fewDistinctIntegersAreClassesSortedNumerically() {
        TargetColumn t = detect(List.of("10", "2", "1.0", "2", "10", "1", "2", "10"));
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("1", "2", "10"), t.classes());
        assertArrayEquals(new double[] {2, 1, 0, 1, 2, 0, 1, 2}, t.targets());
    }

    @Test
    void wordsAreClassesSortedAsStrings() {
        TargetColumn t = detect(List.of("virginica", "setosa", "versicolor", "setosa"));
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("setosa", "versicolor", "virginica"), t.classes());
        assertArrayEquals(new double[] {2, 0, 1, 0}, t.targets());
    }

    @Test
    void oneWordAmongNumbersMakesEveryValueALabel() {
        TargetColumn t = detect(List.of("1.5", "2", "many", "1.5"));
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("1.5", "2", "many"), t.classes());
    }

    @Test
    void fractionalNumbersAreRegression() {
        TargetColumn t = detect(List.of("1.5", "2", "1.5", "2", "1.5", "2"));
        assertEquals(Task.REGRESSION, t.task());
        assertEquals(List.of(), t.classes());
        assertArrayEquals(new double[] {1.5, 2, 1.5, 2, 1.5, 2}, t.targets());
    }

    @Test
    void integersWithTooManyDistinctValuesAreRegression() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(Integer.toString(i % 21));
        }
        assertEquals(Task.REGRESSION, detect(values).task(), "21 distinct values");
        values.replaceAll(v -> Integer.toString(Integer.parseInt(v) % 20));
        assertEquals(Task.CLASSIFICATION, detect(values).task(), "20 distinct values");
    }

    @Test
    void integersWithDistinctValuesForHalfTheRowsAreRegression() {
        assertEquals(Task.REGRESSION, detect(List.of("0", "1", "0", "1")).task(), "2 distinct of 4 rows");
        assertEquals(Task.CLASSIFICATION, detect(List.of("0", "1", "0", "1", "0")).task(), "2 distinct of 5 rows");
    }

    @Test
    void forcedClassificationOfNumbersTakesEveryDistinctValuePlainly() {
        TargetColumn t = TargetColumn.of(column("3.0", "1.5", "3", "10", "0.25"), null, Task.CLASSIFICATION, j -> "t");
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("0.25", "1.5", "3", "10"), t.classes());
        assertArrayEquals(new double[] {2, 1, 2, 3, 0}, t.targets());
    }

    @Test
    void forcedRegressionKeepsFewIntegersAsValues() {
        TargetColumn t = TargetColumn.of(column("0", "1", "0", "1", "0"), null, Task.REGRESSION, j -> "t");
        assertEquals(Task.REGRESSION, t.task());
        assertEquals(List.of(), t.classes());
        assertArrayEquals(new double[] {0, 1, 0, 1, 0}, t.targets());
    }

    @Test
    void forcedRegressionOfAWordNamesItsRowAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetColumn.of(column("1", "2", "many"), null, Task.REGRESSION, j -> "f.csv line " + (j + 2)));
        assertEquals("f.csv line 4: target 'many' is not a number; a regression target must be numeric", e.getMessage());
    }

    /** An infinity in a class column was once a class of its own (a NaN or other missing marker is refused by the table's rule). */
    @Test
    void aNonFiniteClassLabelIsRefusedNamingItsRow() {
        IntFunction<String> where = j -> "f.csv line " + (j + 2) + ", column 3 (y)";
        for (String nonFinite : List.of("-inf", "Infinity", "1e999")) {
            assertEquals("f.csv line 3, column 3 (y): class label '" + nonFinite + "' is not a finite number",
                    assertThrows(IllegalArgumentException.class,
                            () -> TargetColumn.of(column("b", nonFinite, "b"), null, Task.CLASSIFICATION, where)).getMessage());
        }
    }

    @Test
    void onlyTheGivenRowsAreEncoded() {
        TargetColumn t = TargetColumn.of(column("a", "b", "c", "b"), new int[] {1, 3, 0}, null, j -> "t");
        assertEquals(List.of("a", "b"), t.classes());
        assertArrayEquals(new double[] {1, 1, 0}, t.targets());
    }

    @Test
    void encodingMapsLabelsToTheKnownClassesAndNumbersByTheirPlainForm() {
        List<String> classes = List.of("1", "2.5", "b");
        assertArrayEquals(new double[] {2, 0, 1, 0}, TargetColumn.encode(column("b", "1.0", "2.50", "1"), null, Task.CLASSIFICATION, classes, j -> "t"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetColumn.encode(column("b", "x"), null, Task.CLASSIFICATION, classes, j -> "test.csv line " + (j + 11)));
        assertEquals("test.csv line 12: class 'x' was not seen in training (known: 1, 2.5, b)", e.getMessage());
    }

    /** The column the table reader makes of these cells. */
    static ColumnBuffer column(String... cells) {
        ColumnBuffer column = new ColumnBuffer();
        for (String cell : cells) {
            double number = Decimal.parse(cell);
            if (!Double.isNaN(number)) {
                column.addNumber(number);
            } else if (cell.isEmpty() || dev.dendrite.api.data.TableOptions.MISSING_MARKERS.stream().anyMatch(cell::equalsIgnoreCase)) {
                column.addMissing();
            } else {
                column.addText(cell, CsvTable.MAX_TEXTS);
            }
        }
        return column;
    }

    private static TargetColumn detect(List<String> values) {
        return TargetColumn.of(column(values.toArray(String[]::new)), null, null, j -> "t");
    }
}
