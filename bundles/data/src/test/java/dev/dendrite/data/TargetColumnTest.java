package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.api.data.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetColumnTest {

    @Test
    void fewDistinctIntegersAreClassesSortedNumerically() {
        TargetColumn t = TargetColumn.of(List.of("10", "2", "1.0", "2", "10", "1", "2", "10"));
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("1", "2", "10"), t.classes());
        assertArrayEquals(new double[] {2, 1, 0, 1, 2, 0, 1, 2}, t.targets());
    }

    @Test
    void wordsAreClassesSortedAsStrings() {
        TargetColumn t = TargetColumn.of(List.of("virginica", "setosa", "versicolor", "setosa"));
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("setosa", "versicolor", "virginica"), t.classes());
        assertArrayEquals(new double[] {2, 0, 1, 0}, t.targets());
    }

    @Test
    void oneWordAmongNumbersMakesEveryValueALabel() {
        TargetColumn t = TargetColumn.of(List.of("1.5", "2", "n/a", "1.5"));
        assertEquals(Task.CLASSIFICATION, t.task());
        assertEquals(List.of("1.5", "2", "n/a"), t.classes());
    }

    @Test
    void fractionalNumbersAreRegression() {
        TargetColumn t = TargetColumn.of(List.of("1.5", "2", "1.5", "2", "1.5", "2"));
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
        assertEquals(Task.REGRESSION, TargetColumn.of(values).task(), "21 distinct values");
        values.replaceAll(v -> Integer.toString(Integer.parseInt(v) % 20));
        assertEquals(Task.CLASSIFICATION, TargetColumn.of(values).task(), "20 distinct values");
    }

    @Test
    void integersWithDistinctValuesForHalfTheRowsAreRegression() {
        assertEquals(Task.REGRESSION, TargetColumn.of(List.of("0", "1", "0", "1")).task(), "2 distinct of 4 rows");
        assertEquals(Task.CLASSIFICATION, TargetColumn.of(List.of("0", "1", "0", "1", "0")).task(), "2 distinct of 5 rows");
    }
}
