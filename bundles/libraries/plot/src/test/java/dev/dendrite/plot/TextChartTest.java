package dev.dendrite.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChartTest {

    @Test
    void drawsEachCurveWithItsCharacterAndLabelsTheRanges() {
        double[] rising = {0, 1, 2, 3, 4};
        double[] falling = {4, 3, 2, 1, 0};
        String chart = TextChart.curves(List.of(new TextChart.Curve('a', rising), new TextChart.Curve('b', falling)),
                5, 5, "a rising, b falling", "0", "1");
        List<String> lines = chart.lines().toList();
        assertEquals(7, lines.size());
        assertEquals("      a rising, b falling", lines.get(0));
        assertEquals("4.00 |b   a", lines.get(1));
        assertEquals("     |  b  ", lines.get(3), "b drawn over a where they meet");
        assertEquals("0.00 |a   b", lines.get(5));
        assertEquals("      0   1", lines.get(6));
    }

    @Test
    void skipsMissingValuesAndSamplesLongSeries() {
        double[] values = new double[101];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? i : Double.NaN;
        }
        String chart = TextChart.curves(List.of(new TextChart.Curve('*', values)), 11, 3, "", "lo", "hi");
        long stars = chart.chars().filter(c -> c == '*').count();
        assertEquals(11, stars, "every column shows its nearest value, all of them even indices");
        assertTrue(chart.contains("100 |"), chart);
    }

    @Test
    void shadesRunFromLightToDark() {
        double[] map = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertEquals(" .:", TextChart.shadeRow(map, 3, 0, 3, 0, 9));
        assertEquals("-=+", TextChart.shadeRow(map, 3, 1, 3, 0, 9));
        assertEquals(" +@", TextChart.shadeRow(new double[] {0, 4.5, 9}, 3, 0, 3, 0, 9));
    }
}
