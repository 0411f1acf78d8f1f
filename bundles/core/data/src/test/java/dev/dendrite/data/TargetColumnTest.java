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
        TargetColumn t = TargetColumn.of(List.of("3.0", "1.5", "3", "10", "0.25"), Task.CLASSIFICATION, j -> "t");
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("0.25", "1.5", "3", "10"), t.classes());
        assertArrayEquals(new double[] {2, 1, 2, 3, 0}, t.targets());
    }

    @Test
    void forcedRegressionKeepsFewIntegersAsValues() {
        TargetColumn t = TargetColumn.of(List.of("0", "1", "0", "1", "0"), Task.REGRESSION, j -> "t");
        assertEquals(Task.REGRESSION, t.task());
        assertEquals(List.of(), t.classes());
        assertArrayEquals(new double[] {0, 1, 0, 1, 0}, t.targets());
    }

    @Test
    void forcedRegressionOfAWordNamesItsRowAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetColumn.of(List.of("1", "2", "many"), Task.REGRESSION, j -> "f.csv line " + (j + 2)));
        assertEquals("f.csv line 4: target 'many' is not a number; a regression target must be numeric", e.getMessage());
    }

    /** A NaN or a missing-value marker in a class column was once a class of its own. */
    @Test
    void aNonFiniteOrMissingClassLabelIsRefusedNamingItsRow() {
        IntFunction<String> where = j -> "f.csv line " + (j + 2) + ", column 3 (y)";
        assertEquals("f.csv line 3, column 3 (y): class label 'NaN' is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> TargetColumn.of(List.of("a", "NaN", "b"), null, where)).getMessage());
        for (String nonFinite : List.of("-inf", "Infinity", "1e999")) {
            assertEquals("f.csv line 2, column 3 (y): class label '" + nonFinite + "' is not a finite number",
                    assertThrows(IllegalArgumentException.class,
                            () -> TargetColumn.of(List.of(nonFinite, "b"), Task.CLASSIFICATION, where)).getMessage());
        }
        for (String missing : List.of("NA", "n/a", "null", "?")) {
            assertEquals("f.csv line 4, column 3 (y): class label '" + missing + "' marks a missing value; every row needs a class",
                    assertThrows(IllegalArgumentException.class, () -> TargetColumn.of(List.of("a", "b", missing), null, where)).getMessage());
        }
    }

    @Test
    void encodingMapsLabelsToTheKnownClassesAndNumbersByTheirPlainForm() {
        List<String> classes = List.of("1", "2.5", "b");
        assertArrayEquals(new double[] {2, 0, 1, 0}, TargetColumn.encode(List.of("b", "1.0", "2.50", "1"), Task.CLASSIFICATION, classes, j -> "t"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetColumn.encode(List.of("b", "x"), Task.CLASSIFICATION, classes, j -> "test.csv line " + (j + 11)));
        assertEquals("test.csv line 12: class 'x' was not seen in training (known: 1, 2.5, b)", e.getMessage());
    }

    private static TargetColumn detect(List<String> values) {
        return TargetColumn.of(values, null, j -> "t");
    }
}
