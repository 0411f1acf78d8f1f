package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPlotTest {

    /** The chart rows: what follows the first '|' of the lines that have one. */
    private static List<String> chart(String plot) {
        return plot.lines().filter(l -> l.contains("|")).map(l -> l.substring(l.indexOf('|') + 1)).toList();
    }

    @Test
    void aPerfectFitHidesTheTarget() {
        Target sin = Target.named("sin");
        Grid grid = Grid.of(sin);
        String plot = TextPlot.render(TestReports.withFit(sin, 8, k -> Math.sin(grid.x(k))));
        List<String> rows = chart(plot);
        assertEquals(TextPlot.ROWS, rows.size());
        for (String row : rows) {
            assertEquals(TextPlot.COLUMNS, row.length());
            assertTrue(row.indexOf('.') < 0, row);
        }
        for (int col = 0; col < TextPlot.COLUMNS; col++) {
            int stars = 0;
            for (String row : rows) {
                stars += row.charAt(col) == '*' ? 1 : 0;
            }
            assertEquals(1, stars, "column " + col);
        }
        assertTrue(plot.contains("best fit: width 8 (rms 0.00)"), plot);
        int peak = (int) Math.round(0.75 * (TextPlot.COLUMNS - 1));
        assertEquals('*', rows.get(0).charAt(peak), "sin peaks at pi/2, three quarters along [-pi, pi]");
        assertEquals('*', rows.get(TextPlot.ROWS - 1).charAt(TextPlot.COLUMNS - 1 - peak), "and dips at -pi/2");
    }

    @Test
    void aPoorFitShowsBothCurves() {
        String plot = TextPlot.render(TestReports.withFit(Target.named("sin"), 1, k -> 0));
        List<String> rows = chart(plot);
        assertEquals(TextPlot.COLUMNS, rows.get(TextPlot.ROWS / 2).chars().filter(c -> c == '*').count(), "the flat fit");
        assertTrue(rows.get(0).contains("."), "the target's peak");
        assertTrue(rows.get(TextPlot.ROWS - 1).contains("."), "the target's trough");
    }

    @Test
    void twoVariablesGiveTwoShadedMaps() {
        Target target = Target.named("sincos2d");
        Grid grid = Grid.of(target);
        String plot = TextPlot.render(TestReports.withFit(target, 4, k -> target.at(grid.x(k), grid.y(k))));
        List<String> rows = plot.lines().filter(l -> l.startsWith(" |")).toList();
        assertEquals(TextPlot.ROWS, rows.size());
        for (String row : rows) {
            String[] halves = row.substring(2, row.length() - 1).split("\\|  \\|");
            assertEquals(2, halves.length, row);
            assertEquals(halves[0], halves[1], "a perfect fit looks like the target");
        }
        assertTrue(plot.contains("@") && plot.contains(" "), "the extremes of the shading appear");
    }
}
